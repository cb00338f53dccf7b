package dev.mtproto.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few things the JDBC store writes differently per database: the type of the auth key column and how
 * to read the database's clock in milliseconds. Everything else is plain SQL every database runs (no
 * upsert syntax: changes delete and insert inside one transaction).
 */
enum SqlDialect {
    /** PostgreSQL: {@code BYTEA}, and {@code CLOCK_TIMESTAMP()} (the real time, not the transaction's start). */
    POSTGRESQL("BYTEA", "CAST(EXTRACT(EPOCH FROM CLOCK_TIMESTAMP()) * 1000 AS BIGINT)"),
    /** H2 2.x: {@code BINARY VARYING}, and {@code CURRENT_TIMESTAMP}. */
    H2("BINARY VARYING(256)", "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)"),
    /** Any other database: standard SQL, not tested here. */
    STANDARD("VARBINARY(256)", "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)");

    private final String binaryType;
    private final String nowMillis;

    SqlDialect(String binaryType, String nowMillis) {
        this.binaryType = binaryType;
        this.nowMillis = nowMillis;
    }

    /**
     * Tells the dialect of a connection's database from its product name.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws SQLException if the metadata cannot be read
     */
    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        return product.equals("h2") ? H2 : STANDARD;
    }

    /** @return the column type of a 256-byte auth key */
    String binaryType() {
        return binaryType;
    }

    /** @return an SQL expression for the database's current time in milliseconds since 1970 */
    String nowMillis() {
        return nowMillis;
    }
}
