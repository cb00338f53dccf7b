package dev.mtproto.store.jdbc;

import static dev.mtproto.store.jdbc.JdbcSchema.PEER;

import dev.mtproto.store.PeerKind;
import dev.mtproto.store.PeerTable;
import dev.mtproto.store.StoredPeer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of one session's peer cache in {@value JdbcSchema#PEER}. A batch is applied by the same rules as
 * in memory: the rows it can touch (its peers, and those holding a username or phone it carries) are read
 * into a {@link PeerTable}, the batch is applied there, and the rows that changed are deleted and inserted
 * again, all in the caller's transaction.
 */
final class PeerRows {
    private static final String COLUMNS = "kind, peer_id, access_hash, is_min, is_bot, username, phone";
    private static final int IN_LIST = 200;
    private static final PeerKind[] KINDS = PeerKind.values();

    private final String sessionName;

    /**
     * @param sessionName the session all statements are about
     */
    PeerRows(String sessionName) {
        this.sessionName = sessionName;
    }

    /** One peer by key, username or phone. */
    Optional<StoredPeer> find(Connection connection, String where, Object value) throws SQLException {
        List<StoredPeer> found = select(connection, where, List.of(value));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    Optional<StoredPeer> byKey(Connection connection, PeerKind kind, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + PEER
                + " WHERE session_name = ? AND kind = ? AND peer_id = ?")) {
            select.setString(1, sessionName);
            select.setInt(2, kind.ordinal());
            select.setLong(3, id);
            List<StoredPeer> found = read(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Every peer of the session, in no particular order. */
    List<StoredPeer> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + PEER
                + " WHERE session_name = ?")) {
            select.setString(1, sessionName);
            return read(select);
        }
    }

    /**
     * Applies a batch.
     *
     * @param connection the transaction's connection
     * @param batch the records, in order
     * @throws SQLException if the database cannot be used
     */
    void save(Connection connection, List<StoredPeer> batch) throws SQLException {
        Map<String, StoredPeer> before = new HashMap<>();
        for (StoredPeer peer : touched(connection, batch)) {
            before.put(key(peer.kind(), peer.id()), peer);
        }
        PeerTable after = PeerTable.of(before.values()).with(batch);
        List<StoredPeer> changed = new ArrayList<>();
        for (StoredPeer peer : after.peers()) {
            if (!peer.equals(before.get(key(peer.kind(), peer.id())))) {
                changed.add(peer);
            }
        }
        write(connection, changed, before);
    }

    /** The rows a batch can change: its own peers, and those holding a username or phone it carries. */
    private Collection<StoredPeer> touched(Connection connection, List<StoredPeer> batch) throws SQLException {
        Map<String, StoredPeer> found = new HashMap<>();
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> usernames = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (StoredPeer peer : batch) {
            ids.add(peer.id());
            if (peer.username() != null) {
                usernames.add(peer.username());
            }
            if (peer.phone() != null) {
                phones.add(peer.phone());
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        batch.forEach(peer -> wanted.add(key(peer.kind(), peer.id())));
        for (StoredPeer peer : selectIn(connection, "peer_id", new ArrayList<>(ids))) {
            if (wanted.contains(key(peer.kind(), peer.id()))) {
                found.put(key(peer.kind(), peer.id()), peer);
            }
        }
        for (StoredPeer peer : selectIn(connection, "username", new ArrayList<>(usernames))) {
            found.put(key(peer.kind(), peer.id()), peer);
        }
        for (StoredPeer peer : selectIn(connection, "phone", new ArrayList<>(phones))) {
            found.put(key(peer.kind(), peer.id()), peer);
        }
        return found.values();
    }

    private List<StoredPeer> selectIn(Connection connection, String column, List<?> values) throws SQLException {
        List<StoredPeer> found = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_LIST) {
            List<?> chunk = values.subList(from, Math.min(values.size(), from + IN_LIST));
            found.addAll(select(connection, " AND " + column + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ")", chunk));
        }
        return found;
    }

    private List<StoredPeer> select(Connection connection, String where, List<?> values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + PEER
                + " WHERE session_name = ?" + where)) {
            select.setString(1, sessionName);
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 2, values.get(i));
            }
            return read(select);
        }
    }

    private static List<StoredPeer> read(PreparedStatement select) throws SQLException {
        List<StoredPeer> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new StoredPeer(KINDS[rows.getInt(1)], rows.getLong(2), rows.getLong(3), rows.getBoolean(4),
                        rows.getString(6), rows.getString(7), rows.getBoolean(5)));
            }
        }
        return found;
    }

    private void write(Connection connection, List<StoredPeer> changed, Map<String, StoredPeer> before)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + PEER
                + " WHERE session_name = ? AND kind = ? AND peer_id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + PEER + " (session_name, "
                        + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean deleting = false;
            for (StoredPeer peer : changed) {
                if (before.containsKey(key(peer.kind(), peer.id()))) {
                    delete.setString(1, sessionName);
                    delete.setInt(2, peer.kind().ordinal());
                    delete.setLong(3, peer.id());
                    delete.addBatch();
                    deleting = true;
                }
                insert.setString(1, sessionName);
                insert.setInt(2, peer.kind().ordinal());
                insert.setLong(3, peer.id());
                insert.setLong(4, peer.accessHash());
                insert.setBoolean(5, peer.min());
                insert.setBoolean(6, peer.bot());
                setText(insert, 7, peer.username());
                setText(insert, 8, peer.phone());
                insert.addBatch();
            }
            if (deleting) {
                delete.executeBatch();
            }
            if (!changed.isEmpty()) {
                insert.executeBatch();
            }
        }
    }

    private static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    private static String key(PeerKind kind, long id) {
        return kind.ordinal() + ":" + id;
    }
}
