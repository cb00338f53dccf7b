package dev.mtproto.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a client keeps what lets a restart carry on instead of starting afresh: one {@link DcAuthorization}
 * per data center (so no new key is created), the id of the home DC (the one the account lives on), the
 * signed-in account, the update state and channel pts (so that {@code updates.getDifference} fetches what
 * was missed), and the peer cache (so that access hashes and usernames survive).
 *
 * <p><b>DC ids</b> are the plain data center numbers, {@code 1} to {@code 9999}: never the {@code +10000}
 * form used for test DCs during key exchange, and never the negative ids of media DCs. A client keeps its
 * production and test configurations in different stores, so the same number never means two DCs.
 *
 * <p><b>Threading</b>: every implementation is safe for use by several threads at once. Each method is
 * atomic: a reader sees either the state before a concurrent change or the state after it, never a part of
 * a change (a {@link #savePeers} batch or {@link #saveChannelPts} map lands whole or not at all). The client
 * writes from one thread at a time, batched; it reads when it starts and on cache misses.
 *
 * <p><b>Failures</b>: methods throw {@link SessionStoreException} (or a subclass) when the underlying
 * storage cannot be read or written or holds data in a form this version cannot use, and
 * {@link IllegalArgumentException} or {@link NullPointerException} for bad arguments (checked before
 * anything is stored). A change that throws leaves the stored data as it was. A store never replaces
 * stored data it could not read.
 *
 * <p><b>Persistence</b>: when a change returns normally it is durably stored (for stores that persist at
 * all), and a new store over the same storage sees it.
 *
 * <p><b>Keys</b>: a store owns the keys it keeps. {@link #loadAuthorization} hands out a key the caller
 * owns (a copy, or one built from the stored bytes), and {@link #saveAuthorization} and {@link #restore}
 * keep a copy of what they are given (or only its bytes), never the caller's object: the client destroys
 * its keys ({@link dev.mtproto.crypto.AuthKey#destroy()}) when it is done with them, at the latest when it
 * closes, and a store shared with a later client must still hold them intact.
 *
 * <p><b>Closing</b>: a store may hold resources (the file store holds a lock on its file, the JDBC store a
 * lease on its session, so that no second store uses them); {@link #close()} releases them. Close a store
 * after the client that uses it; a closed store must not be used again.
 *
 * <p>Implementations: {@link MemorySessionStore} (nothing survives the process), {@link FileSessionStore}
 * (owner-only files; the default for users), {@code dev.mtproto.store.jdbc.JdbcSessionStore} (any SQL
 * database, for several machines) and {@code dev.mtproto.store.string.StringSessionStore} (memory, exported
 * as one string). All of them pass the same conformance tests.
 */
public interface SessionStore extends AutoCloseable {

    /** The highest DC id a store accepts; test DC ids with the {@code +10000} offset stay out. */
    int MAX_DC_ID = 9999;

    /**
     * Checks a DC id, as every store does for every method that takes one.
     *
     * @param dcId the id to check
     * @return {@code dcId}
     * @throws IllegalArgumentException if it is not in 1..{@value #MAX_DC_ID}
     */
    static int checkDcId(int dcId) {
        if (dcId < 1 || dcId > MAX_DC_ID) {
            throw new IllegalArgumentException("dcId must be a plain DC number in 1.." + MAX_DC_ID + ", not " + dcId
                    + " (test DCs are kept in a separate store, without the +10000 offset)");
        }
        return dcId;
    }

    /**
     * Returns the authorization saved for a data center.
     *
     * @param dcId the DC number, 1..9999
     * @return the saved authorization, or empty when there is none
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws SessionStoreException if the stored data cannot be read
     */
    Optional<DcAuthorization> loadAuthorization(int dcId);

    /**
     * Saves the authorization for a data center, replacing any earlier one for the same DC. When this
     * method returns normally the authorization is durably stored (for stores that persist at all).
     *
     * @param dcId the DC number, 1..9999
     * @param authorization what to keep for that DC
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws NullPointerException if {@code authorization} is null
     * @throws SessionStoreException if the data cannot be stored; the previously stored data is then
     *     unchanged
     */
    void saveAuthorization(int dcId, DcAuthorization authorization);

    /**
     * Forgets the authorization of one data center (for example after the server reported that its key is
     * unknown). Does nothing when there is none. The home DC setting is not touched.
     *
     * @param dcId the DC number, 1..9999
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws SessionStoreException if the change cannot be stored; the previously stored data is then
     *     unchanged
     */
    void deleteAuthorization(int dcId);

    /**
     * Returns the home DC: the one the logged-in account belongs to.
     *
     * @return the home DC number, or empty when none was saved
     * @throws SessionStoreException if the stored data cannot be read
     */
    OptionalInt loadHomeDc();

    /**
     * Saves the home DC, replacing the earlier value.
     *
     * @param dcId the DC number, 1..9999
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws SessionStoreException if the value cannot be stored; the previously stored data is then
     *     unchanged
     */
    void saveHomeDc(int dcId);

    /**
     * Returns the account's common update state.
     *
     * @return the saved state, or empty when none was saved
     * @throws SessionStoreException if the stored data cannot be read
     */
    Optional<UpdateState> loadUpdateState();

    /**
     * Saves the account's common update state, replacing the earlier one.
     *
     * @param state the state after the updates applied so far
     * @throws NullPointerException if {@code state} is null
     * @throws SessionStoreException if the state cannot be stored; the previously stored data is then unchanged
     */
    void saveUpdateState(UpdateState state);

    /**
     * Returns the pts of every channel whose pts was saved.
     *
     * @return pts per channel id (an unmodifiable map, possibly empty)
     * @throws SessionStoreException if the stored data cannot be read
     */
    Map<Long, Integer> loadChannelPts();

    /**
     * Saves the pts of some channels: the given channels get the given pts, the others keep theirs. An empty
     * map changes nothing.
     *
     * @param changed pts per channel id (positive ids)
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if a channel id is not positive
     * @throws SessionStoreException if the pts cannot be stored; then none of them is stored
     */
    void saveChannelPts(Map<Long, Integer> changed);

    /**
     * Saves peer records, in order, by (kind, id): a record for a new peer is added; one for a stored peer is
     * combined with it by {@link StoredPeer#mergedOver} (a full record replaces what was stored; a
     * {@code min} record never replaces a full record's access hash and only adds the username and phone it
     * carries). A username or phone that a saved record carries is taken from any other stored peer that had
     * it. An empty collection changes nothing.
     *
     * @param peers the records, in the order they were seen
     * @throws NullPointerException if the collection or a record is null
     * @throws SessionStoreException if the records cannot be stored; then none of them is stored
     */
    void savePeers(Collection<StoredPeer> peers);

    /**
     * Returns the record of a peer.
     *
     * @param kind its kind
     * @param id its id
     * @return the stored record, or empty
     * @throws NullPointerException if {@code kind} is null
     * @throws SessionStoreException if the stored data cannot be read
     */
    Optional<StoredPeer> loadPeer(PeerKind kind, long id);

    /**
     * Returns the peer that has a username.
     *
     * @param username the username, in any case, with or without a leading {@code @}
     * @return the stored record, or empty
     * @throws NullPointerException if {@code username} is null
     * @throws IllegalArgumentException if the username is malformed ({@link StoredPeer#normalizeUsername})
     * @throws SessionStoreException if the stored data cannot be read
     */
    Optional<StoredPeer> findPeerByUsername(String username);

    /**
     * Returns the user that has a phone number.
     *
     * @param phone the number; {@code +} and spaces are ignored
     * @return the stored record, or empty
     * @throws NullPointerException if {@code phone} is null
     * @throws IllegalArgumentException if the number is malformed ({@link StoredPeer#normalizePhone})
     * @throws SessionStoreException if the stored data cannot be read
     */
    Optional<StoredPeer> findPeerByPhone(String phone);

    /**
     * Returns the account this session is signed in as.
     *
     * @return the account, or empty when none was saved (not signed in, or signed out)
     * @throws SessionStoreException if the stored data cannot be read
     */
    Optional<SignedInAccount> loadAccount();

    /**
     * Saves the account this session is signed in as, replacing the earlier one. The DCs' authorized user
     * ids are the caller's to set ({@link DcAuthorization#withAuthorizedUserId}).
     *
     * @param account the account
     * @throws NullPointerException if {@code account} is null
     * @throws SessionStoreException if the account cannot be stored; the previously stored data is then
     *     unchanged
     */
    void saveAccount(SignedInAccount account);

    /**
     * Signs the session out, in one atomic change: forgets the account and everything that belongs to it
     * (update state, channel pts, peers, whose access hashes are only valid for that account), and sets every
     * DC's {@link DcAuthorization#authorizedUserId()} back to 0. The store does all of this, not the caller.
     * The keys, salts and the home DC stay: the keys remain usable to sign in again.
     *
     * @throws SessionStoreException if the change cannot be stored; the previously stored data is then unchanged
     */
    void deleteAccount();

    /**
     * Forgets everything this store holds: every authorization, the home DC, the account, the update state,
     * the channel pts and the peers.
     *
     * @throws SessionStoreException if the stored data cannot be removed
     */
    void clear();

    /**
     * Returns everything this store holds, as one consistent value (for string sessions, backups and moving a
     * session from one store to another).
     *
     * @return the store's whole content
     * @throws SessionStoreException if the stored data cannot be read
     */
    SessionSnapshot snapshot();

    /**
     * Replaces everything this store holds with a snapshot, in one atomic change (as if {@link #clear()} and
     * the saves happened at once).
     *
     * @param snapshot the content to hold from now on
     * @throws NullPointerException if {@code snapshot} is null
     * @throws SessionStoreException if it cannot be stored; the previously stored data is then unchanged
     */
    void restore(SessionSnapshot snapshot);

    /**
     * Releases what the store holds, such as a file lock; calling it again does nothing. Stored data stays
     * stored. Stores that hold nothing (the default, and {@link MemorySessionStore}) do nothing and stay
     * usable; {@link FileSessionStore} refuses to be used afterwards.
     */
    @Override
    default void close() {
        // nothing to release
    }
}
