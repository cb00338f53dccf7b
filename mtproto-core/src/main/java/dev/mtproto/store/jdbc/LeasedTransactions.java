package dev.mtproto.store.jdbc;

import dev.mtproto.store.SessionStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a session store's SQL: a read on a connection of its own, a write in one transaction that first renews
 * the lease (so a store that lost its lease never writes), rolled back on any failure. SQL errors come out as
 * {@link SessionStoreException}s naming the session and what was being done.
 */
final class LeasedTransactions {
    private final DataSource dataSource;
    private final SessionLease lease;
    private final String sessionName;

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface SqlChange {
        void run(Connection connection) throws SQLException;
    }

    LeasedTransactions(DataSource dataSource, SessionLease lease, String sessionName) {
        this.dataSource = dataSource;
        this.lease = lease;
        this.sessionName = sessionName;
    }

    <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(sessionName, what, e);
        }
    }

    void write(String what, SqlChange change) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lease.renewWithin(connection);
                change.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(sessionName, what, e);
        }
    }

    static SessionStoreException failure(String sessionName, String what, SQLException e) {
        return new SessionStoreException("JDBC session '" + sessionName + "': cannot " + what + " ("
                + e.getClass().getSimpleName() + ", SQL state " + e.getSQLState() + ": " + e.getMessage() + ")", e);
    }
}
