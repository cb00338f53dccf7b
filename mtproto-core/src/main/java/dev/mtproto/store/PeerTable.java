package dev.mtproto.store;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable set of {@link StoredPeer}s with the rules every store applies: one record per (kind, id),
 * {@link StoredPeer#mergedOver} when a record arrives for a peer already there, and usernames and phone
 * numbers unique, the latest record to carry one taking it from any other peer (Telegram gives a username
 * or number to one peer at a time, so the latest sighting is the true one).
 *
 * <p>{@link #with} copies: a store swaps tables instead of changing one, so readers never need a lock. The
 * copy costs time linear in the table's size (about a millisecond for 10,000 peers).
 */
public final class PeerTable {
    /** The table without peers. */
    public static final PeerTable EMPTY = new PeerTable(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>());

    private final Map<Key, StoredPeer> byKey;
    private final Map<String, Key> byUsername;
    private final Map<String, Key> byPhone;

    private PeerTable(Map<Key, StoredPeer> byKey, Map<String, Key> byUsername, Map<String, Key> byPhone) {
        this.byKey = byKey;
        this.byUsername = byUsername;
        this.byPhone = byPhone;
    }

    /**
     * Returns a table holding the given records, applied in order as {@link #with} does.
     *
     * @param peers the records
     * @return the table
     * @throws NullPointerException if the collection or a record is null
     */
    public static PeerTable of(Collection<StoredPeer> peers) {
        return EMPTY.with(peers);
    }

    /**
     * Returns a copy with records applied in order: each replaces or merges with what is kept for its peer
     * (see {@link StoredPeer#mergedOver}), and takes its username and phone from any other peer.
     *
     * @param peers the records to apply
     * @return the new table, or {@code this} when {@code peers} is empty
     * @throws NullPointerException if the collection or a record is null
     */
    public PeerTable with(Collection<StoredPeer> peers) {
        Objects.requireNonNull(peers, "peers");
        if (peers.isEmpty()) {
            return this;
        }
        PeerTable copy = new PeerTable(new LinkedHashMap<>(byKey), new HashMap<>(byUsername), new HashMap<>(byPhone));
        for (StoredPeer peer : peers) {
            copy.put(Objects.requireNonNull(peer, "peer"));
        }
        return copy;
    }

    private void put(StoredPeer incoming) {
        Key key = new Key(incoming.kind(), incoming.id());
        StoredPeer stored = byKey.get(key);
        StoredPeer kept = incoming.mergedOver(stored);
        if (stored != null) {
            byUsername.remove(stored.username(), key);
            byPhone.remove(stored.phone(), key);
        }
        byKey.put(key, kept);
        if (kept.username() != null) {
            Key previous = byUsername.put(kept.username(), key);
            if (previous != null && !previous.equals(key)) {
                byKey.put(previous, byKey.get(previous).withUsername(null));
            }
        }
        if (kept.phone() != null) {
            Key previous = byPhone.put(kept.phone(), key);
            if (previous != null && !previous.equals(key)) {
                byKey.put(previous, byKey.get(previous).withPhone(null));
            }
        }
    }

    /**
     * Returns the record of a peer.
     *
     * @param kind its kind
     * @param id its id
     * @return the record, or empty
     * @throws NullPointerException if {@code kind} is null
     */
    public Optional<StoredPeer> get(PeerKind kind, long id) {
        return Optional.ofNullable(byKey.get(new Key(Objects.requireNonNull(kind, "kind"), id)));
    }

    /**
     * Returns the peer that has a username.
     *
     * @param username the username, in any case, with or without {@code @}
     * @return the record, or empty
     * @throws IllegalArgumentException if the username is malformed
     */
    public Optional<StoredPeer> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(StoredPeer.normalizeUsername(username))).map(byKey::get);
    }

    /**
     * Returns the user that has a phone number.
     *
     * @param phone the number; {@code +} and spaces are ignored
     * @return the record, or empty
     * @throws IllegalArgumentException if the number is malformed
     */
    public Optional<StoredPeer> byPhone(String phone) {
        return Optional.ofNullable(byPhone.get(StoredPeer.normalizePhone(phone))).map(byKey::get);
    }

    /**
     * Returns every record, in the order peers were first added.
     *
     * @return an unmodifiable view
     */
    public Collection<StoredPeer> peers() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    /**
     * Returns how many peers the table holds.
     *
     * @return the count
     */
    public int size() {
        return byKey.size();
    }

    /** Tables are equal when they hold equal records, whatever the order they were added in. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PeerTable table && table.byKey.equals(byKey);
    }

    @Override
    public int hashCode() {
        return byKey.hashCode();
    }

    /** Says how many peers there are, nothing about them. */
    @Override
    public String toString() {
        return "PeerTable[" + byKey.size() + " peers]";
    }

    private record Key(PeerKind kind, long id) {
    }
}
