package dev.mtproto.store.jdbc;

import static dev.mtproto.store.jdbc.JdbcSchema.SESSION;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease a {@link JdbcSessionStore} holds on its session: the session's row names the holder, a random
 * token of this store, and an expiry in milliseconds by the database's clock (never the local one, so that
 * machines with different clocks agree). Taken only when free or expired; renewed by every write and
 * periodically; released on close. Once a renewal or a write finds the lease expired or taken, it is lost
 * for good: the store may have missed another holder's writes.
 */
final class SessionLease {
    private static final Logger log = LoggerFactory.getLogger(SessionLease.class);
    private static final int MAX_ROW_CREATION_CLASHES = 5;

    private final String sessionName;
    private final String holder;
    private final String token = UUID.randomUUID().toString();
    private final long leaseMillis;
    private final String renewSql;
    private volatile boolean lost;

    private SessionLease(String sessionName, String holder, Duration lease, SqlDialect dialect) {
        this.sessionName = sessionName;
        this.holder = holder;
        this.leaseMillis = lease.toMillis();
        String now = dialect.nowMillis();
        this.renewSql = "UPDATE " + SESSION + " SET lease_expires_ms = " + now + " + ? WHERE session_name = ?"
                + " AND lease_token = ? AND lease_expires_ms > " + now;
    }

    /**
     * Takes the lease of a session, creating the session's row if it has none, waiting for another holder's
     * lease to expire for up to {@code wait}.
     *
     * @param dataSource the database
     * @param dialect its dialect
     * @param sessionName the session
     * @param holder this store's name for itself
     * @param lease how long the lease lasts without renewal
     * @param wait how long to wait for another holder's lease to expire; zero to fail at once
     * @return the held lease
     * @throws SessionLeasedException if another holder's lease did not expire in time
     * @throws SQLException if the database cannot be used
     */
    static SessionLease acquire(DataSource dataSource, SqlDialect dialect, String sessionName, String holder,
            Duration lease, Duration wait) throws SQLException {
        SessionLease taken = new SessionLease(sessionName, holder, lease, dialect);
        String now = dialect.nowMillis();
        long start = System.nanoTime();
        int clashes = 0;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    createRowIfMissing(connection, sessionName);
                } catch (SQLException e) {
                    connection.rollback();
                    if (++clashes == MAX_ROW_CREATION_CLASHES) {
                        throw e;
                    }
                    continue;
                }
                if (taken.take(connection, now)) {
                    connection.commit();
                    log.info("JDBC session '{}' leased by {} for {} ms", sessionName, holder, taken.leaseMillis);
                    return taken;
                }
                Current current = current(connection, sessionName, now);
                connection.commit();
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;
                long leftMillis = wait.toMillis() - waitedMillis;
                if (leftMillis <= 0) {
                    throw new SessionLeasedException(sessionName, current.holder, Instant.ofEpochMilli(current.expiresAt),
                            waitedMillis);
                }
                log.info("JDBC session '{}' is leased by {} for {} ms more; waiting", sessionName, current.holder,
                        current.expiresAt - current.now);
                sleep(Math.min(leftMillis, Math.max(current.expiresAt - current.now, 0) + 20));
            }
        }
    }

    private static void createRowIfMissing(Connection connection, String sessionName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM " + SESSION + " WHERE session_name = ?")) {
            select.setString(1, sessionName);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + SESSION + " (session_name, lease_expires_ms) VALUES (?, 0)")) {
            insert.setString(1, sessionName);
            insert.executeUpdate();
        }
    }

    private boolean take(Connection connection, String now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + SESSION + " SET lease_holder = ?,"
                + " lease_token = ?, lease_expires_ms = " + now + " + ? WHERE session_name = ? AND lease_expires_ms <= " + now)) {
            update.setString(1, holder);
            update.setString(2, token);
            update.setLong(3, leaseMillis);
            update.setString(4, sessionName);
            return update.executeUpdate() == 1;
        }
    }

    private record Current(String holder, long expiresAt, long now) {
    }

    private static Current current(Connection connection, String sessionName, String now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT lease_holder, lease_expires_ms, " + now
                + " FROM " + SESSION + " WHERE session_name = ?")) {
            select.setString(1, sessionName);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Current("(unknown)", 0, 0);
                }
                String holder = row.getString(1);
                return new Current(holder == null ? "(unknown)" : holder, row.getLong(2), row.getLong(3));
            }
        }
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a session lease", e);
        }
    }

    /**
     * Renews the lease inside a write's transaction, before the write: the session's row stays locked until
     * the transaction ends, so that no other holder can take it in between.
     *
     * @param connection the write's connection, not in auto-commit mode
     * @throws SessionLeaseLostException if the lease was lost (now or before)
     * @throws SQLException if the database cannot be used
     */
    void renewWithin(Connection connection) throws SQLException {
        if (lost || !renew(connection)) {
            throw new SessionLeaseLostException(sessionName, holder);
        }
    }

    /**
     * Renews the lease on its own (the periodic renewal).
     *
     * @param connection a connection in auto-commit mode
     * @return false if the lease is lost
     * @throws SQLException if the database cannot be used
     */
    boolean renew(Connection connection) throws SQLException {
        if (lost) {
            return false;
        }
        try (PreparedStatement update = connection.prepareStatement(renewSql)) {
            update.setLong(1, leaseMillis);
            update.setString(2, sessionName);
            update.setString(3, token);
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        lost = true;
        log.warn("the lease of JDBC session '{}' held by {} was lost: it expired before it was renewed, and another"
                + " client may hold the session now; this store refuses writes from now on", sessionName, holder);
        return false;
    }

    /**
     * Gives the lease up, if this store still holds it.
     *
     * @param connection a connection in auto-commit mode
     * @throws SQLException if the database cannot be used
     */
    void release(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + SESSION + " SET lease_holder = NULL,"
                + " lease_token = NULL, lease_expires_ms = 0 WHERE session_name = ? AND lease_token = ?")) {
            update.setString(1, sessionName);
            update.setString(2, token);
            update.executeUpdate();
        }
        lost = true;
    }

    /** @return whether the lease was lost (or released) */
    boolean lost() {
        return lost;
    }

    /** @return this store's name for itself */
    String holder() {
        return holder;
    }

    /** @return how long the lease lasts without renewal, in milliseconds */
    long leaseMillis() {
        return leaseMillis;
    }
}
