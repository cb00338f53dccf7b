package dev.mtproto.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases the JDBC store is tested on: an in-memory H2 database per name, and one real PostgreSQL
 * server for the whole test run, started from the binaries Maven Central ships (no Docker), stopped when the
 * JVM exits.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /**
     * @param name the database's name; the same name gives the same database while the JVM runs
     * @return an in-memory H2 database
     */
    public static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        return dataSource;
    }

    /** @return the shared PostgreSQL server's {@code postgres} database */
    public static DataSource postgres() {
        return Postgres.SERVER.getPostgresDatabase();
    }

    /** @return the JDBC URL of the shared PostgreSQL server's {@code postgres} database, for another JVM */
    public static String postgresUrl() {
        return Postgres.SERVER.getJdbcUrl("postgres", "postgres");
    }

    /** Started on first use. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
    }
}
