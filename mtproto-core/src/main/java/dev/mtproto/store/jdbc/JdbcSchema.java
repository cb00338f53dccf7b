package dev.mtproto.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store's tables, created on first use and versioned by the store itself: the one-row table
 * {@value #VERSION_TABLE} says which version the tables have, and the migrations below (in code, one list
 * of statements per version) bring older tables up to {@link #VERSION}. Several named sessions share the
 * tables, every row keyed by {@code session_name}.
 */
final class JdbcSchema {
    private static final Logger log = LoggerFactory.getLogger(JdbcSchema.class);

    /** The version this release creates and works with. */
    static final int VERSION = 1;

    static final String VERSION_TABLE = "mtproto_schema_version";
    static final String SESSION = "mtproto_session";
    static final String DC = "mtproto_dc_auth";
    static final String CHANNEL = "mtproto_channel_pts";
    static final String PEER = "mtproto_peer";

    /** Statements of each version, from 1 up; entry {@code i} brings the tables from version i to i + 1. */
    private static final List<Function<SqlDialect, List<String>>> MIGRATIONS = List.of(dialect -> List.of(
            "CREATE TABLE IF NOT EXISTS " + SESSION + " (session_name VARCHAR(200) NOT NULL PRIMARY KEY,"
                    + " lease_holder VARCHAR(200), lease_token VARCHAR(64), lease_expires_ms BIGINT NOT NULL,"
                    + " home_dc INTEGER, account_user_id BIGINT, account_bot BOOLEAN, update_pts INTEGER,"
                    + " update_qts INTEGER, update_seq INTEGER, update_date INTEGER)",
            "CREATE TABLE IF NOT EXISTS " + DC + " (session_name VARCHAR(200) NOT NULL, dc_id INTEGER NOT NULL,"
                    + " auth_key " + dialect.binaryType() + " NOT NULL, server_salt BIGINT NOT NULL,"
                    + " time_offset_ms BIGINT NOT NULL, created_at_seconds BIGINT NOT NULL,"
                    + " created_at_nanos INTEGER NOT NULL, authorized_user_id BIGINT NOT NULL,"
                    + " PRIMARY KEY (session_name, dc_id))",
            "CREATE TABLE IF NOT EXISTS " + CHANNEL + " (session_name VARCHAR(200) NOT NULL,"
                    + " channel_id BIGINT NOT NULL, pts INTEGER NOT NULL, PRIMARY KEY (session_name, channel_id))",
            "CREATE TABLE IF NOT EXISTS " + PEER + " (session_name VARCHAR(200) NOT NULL, kind SMALLINT NOT NULL,"
                    + " peer_id BIGINT NOT NULL, access_hash BIGINT NOT NULL, is_min BOOLEAN NOT NULL,"
                    + " is_bot BOOLEAN NOT NULL, username VARCHAR(64), phone VARCHAR(32),"
                    + " PRIMARY KEY (session_name, kind, peer_id))",
            "CREATE INDEX IF NOT EXISTS " + PEER + "_username ON " + PEER + " (session_name, username)",
            "CREATE INDEX IF NOT EXISTS " + PEER + "_phone ON " + PEER + " (session_name, phone)"));

    private static final int ATTEMPTS = 5;

    private JdbcSchema() {
    }

    /**
     * Creates the tables, or migrates them to {@link #VERSION}. Safe when several processes start at once:
     * every statement is idempotent, and a clash with another process doing the same is retried.
     *
     * @param connection a connection, in auto-commit mode when called; left in auto-commit mode
     * @param dialect the database's dialect
     * @throws SQLException if the tables cannot be created
     * @throws SessionSchemaVersionException if the tables are of a newer version than this release knows
     */
    static void ensure(Connection connection, SqlDialect dialect) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                migrate(connection, dialect);
                return;
            } catch (SQLException e) {
                connection.rollback();
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("creating the session tables clashed with another process; trying again", e);
                sleepBriefly(attempt);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void migrate(Connection connection, SqlDialect dialect) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE
                    + " (id INTEGER NOT NULL PRIMARY KEY, schema_version INTEGER NOT NULL)");
            int current = 0;
            try (ResultSet row = statement.executeQuery("SELECT schema_version FROM " + VERSION_TABLE + " WHERE id = 1")) {
                if (row.next()) {
                    current = row.getInt(1);
                }
            }
            if (current > VERSION) {
                throw new SessionSchemaVersionException(current, VERSION);
            }
            if (current == VERSION) {
                connection.commit();
                return;
            }
            for (int version = current; version < VERSION; version++) {
                for (String sql : MIGRATIONS.get(version).apply(dialect)) {
                    statement.execute(sql);
                }
            }
            if (current == 0) {
                statement.execute("INSERT INTO " + VERSION_TABLE + " (id, schema_version) VALUES (1, " + VERSION + ")");
            } else {
                statement.execute("UPDATE " + VERSION_TABLE + " SET schema_version = " + VERSION + " WHERE id = 1");
            }
            connection.commit();
            log.info("session tables are at schema version {} (were at {})", VERSION, current);
        }
    }

    private static void sleepBriefly(int attempt) throws SQLException {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while creating the session tables", e);
        }
    }
}
