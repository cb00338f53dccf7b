package dev.mtproto.store.jdbc;

import static dev.mtproto.store.jdbc.JdbcSchema.CHANNEL;
import static dev.mtproto.store.jdbc.JdbcSchema.DC;
import static dev.mtproto.store.jdbc.JdbcSchema.PEER;
import static dev.mtproto.store.jdbc.JdbcSchema.SESSION;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.SignedInAccount;
import dev.mtproto.store.UpdateState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SQL of one session's own data: its row in {@value JdbcSchema#SESSION} (home DC, account, update
 * state), its keys in {@value JdbcSchema#DC} and its channel pts in {@value JdbcSchema#CHANNEL}. Writes run
 * inside the caller's transaction.
 */
final class SessionRows {
    private static final String DC_COLUMNS = "dc_id, auth_key, server_salt, time_offset_ms, created_at_seconds,"
            + " created_at_nanos, authorized_user_id";

    private final String sessionName;

    /**
     * @param sessionName the session all statements are about
     */
    SessionRows(String sessionName) {
        this.sessionName = sessionName;
    }

    /** Prepares a statement and sets its parameters, in order. */
    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    private int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    // ---- keys ----

    Optional<DcAuthorization> authorization(Connection connection, int dcId) throws SQLException {
        return Optional.ofNullable(authorizations(connection, " AND dc_id = ?", sessionName, dcId).get(dcId));
    }

    SortedMap<Integer, DcAuthorization> authorizations(Connection connection) throws SQLException {
        return authorizations(connection, "", sessionName);
    }

    private SortedMap<Integer, DcAuthorization> authorizations(Connection connection, String where, Object... parameters)
            throws SQLException {
        TreeMap<Integer, DcAuthorization> found = new TreeMap<>();
        try (PreparedStatement select = prepare(connection, "SELECT " + DC_COLUMNS + " FROM " + DC
                + " WHERE session_name = ?" + where, parameters); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byte[] key = rows.getBytes(2);
                AuthKey authKey = AuthKey.of(key);
                Arrays.fill(key, (byte) 0);
                found.put(rows.getInt(1), new DcAuthorization(authKey, rows.getLong(3), rows.getLong(4),
                        Instant.ofEpochSecond(rows.getLong(5), rows.getInt(6)), rows.getLong(7)));
            }
        }
        return found;
    }

    void saveAuthorization(Connection connection, int dcId, DcAuthorization authorization) throws SQLException {
        deleteAuthorization(connection, dcId);
        byte[] key = authorization.authKey().toByteArray();
        try {
            update(connection, "INSERT INTO " + DC + " (session_name, " + DC_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    sessionName, dcId, key, authorization.serverSalt(), authorization.timeOffsetMillis(),
                    authorization.createdAt().getEpochSecond(), authorization.createdAt().getNano(),
                    authorization.authorizedUserId());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    void deleteAuthorization(Connection connection, int dcId) throws SQLException {
        update(connection, "DELETE FROM " + DC + " WHERE session_name = ? AND dc_id = ?", sessionName, dcId);
    }

    // ---- the session row ----

    OptionalInt homeDc(Connection connection) throws SQLException {
        try (PreparedStatement select = prepare(connection, "SELECT home_dc FROM " + SESSION + " WHERE session_name = ?",
                sessionName);
                ResultSet row = select.executeQuery()) {
            if (row.next()) {
                int homeDc = row.getInt(1);
                return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(homeDc);
            }
            return OptionalInt.empty();
        }
    }

    void saveHomeDc(Connection connection, int dcId) throws SQLException {
        update(connection, "UPDATE " + SESSION + " SET home_dc = ? WHERE session_name = ?", dcId, sessionName);
    }

    Optional<SignedInAccount> account(Connection connection) throws SQLException {
        try (PreparedStatement select = prepare(connection, "SELECT account_user_id, account_bot FROM " + SESSION
                + " WHERE session_name = ?", sessionName); ResultSet row = select.executeQuery()) {
            if (row.next()) {
                long userId = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(new SignedInAccount(userId, row.getBoolean(2)));
            }
            return Optional.empty();
        }
    }

    void saveAccount(Connection connection, SignedInAccount account) throws SQLException {
        update(connection, "UPDATE " + SESSION + " SET account_user_id = ?, account_bot = ? WHERE session_name = ?",
                account.userId(), account.bot(), sessionName);
    }

    Optional<UpdateState> updateState(Connection connection) throws SQLException {
        try (PreparedStatement select = prepare(connection, "SELECT update_pts, update_qts, update_seq, update_date FROM "
                + SESSION + " WHERE session_name = ?", sessionName); ResultSet row = select.executeQuery()) {
            if (row.next()) {
                int pts = row.getInt(1);
                return row.wasNull() ? Optional.empty()
                        : Optional.of(new UpdateState(pts, row.getInt(2), row.getInt(3), row.getInt(4)));
            }
            return Optional.empty();
        }
    }

    void saveUpdateState(Connection connection, UpdateState state) throws SQLException {
        update(connection, "UPDATE " + SESSION + " SET update_pts = ?, update_qts = ?, update_seq = ?, update_date = ?"
                + " WHERE session_name = ?", state.pts(), state.qts(), state.seq(), state.date(), sessionName);
    }

    // ---- channel pts ----

    Map<Long, Integer> channelPts(Connection connection) throws SQLException {
        TreeMap<Long, Integer> found = new TreeMap<>();
        try (PreparedStatement select = prepare(connection, "SELECT channel_id, pts FROM " + CHANNEL
                + " WHERE session_name = ?", sessionName); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getLong(1), rows.getInt(2));
            }
        }
        return Collections.unmodifiableMap(found);
    }

    void saveChannelPts(Connection connection, Map<Long, Integer> changed) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + CHANNEL
                + " WHERE session_name = ? AND channel_id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + CHANNEL
                        + " (session_name, channel_id, pts) VALUES (?, ?, ?)")) {
            for (Map.Entry<Long, Integer> entry : changed.entrySet()) {
                delete.setString(1, sessionName);
                delete.setLong(2, entry.getKey());
                delete.addBatch();
                insert.setString(1, sessionName);
                insert.setLong(2, entry.getKey());
                insert.setInt(3, entry.getValue());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    // ---- whole session ----

    /** Forgets the account and what belongs to it, and signs every key out; keys and home DC stay. */
    void signOut(Connection connection) throws SQLException {
        update(connection, "UPDATE " + SESSION + " SET account_user_id = NULL, account_bot = NULL, update_pts = NULL,"
                + " update_qts = NULL, update_seq = NULL, update_date = NULL WHERE session_name = ?", sessionName);
        update(connection, "DELETE FROM " + CHANNEL + " WHERE session_name = ?", sessionName);
        update(connection, "DELETE FROM " + PEER + " WHERE session_name = ?", sessionName);
        update(connection, "UPDATE " + DC + " SET authorized_user_id = 0 WHERE session_name = ?", sessionName);
    }

    /** Forgets everything but the lease. */
    void clear(Connection connection) throws SQLException {
        signOut(connection);
        update(connection, "DELETE FROM " + DC + " WHERE session_name = ?", sessionName);
        update(connection, "UPDATE " + SESSION + " SET home_dc = NULL WHERE session_name = ?", sessionName);
    }
}
