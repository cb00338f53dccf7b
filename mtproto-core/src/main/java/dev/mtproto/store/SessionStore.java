package dev.mtproto.store;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a client keeps what lets a restart reuse its authorization instead of creating a new key: one
 * {@link DcAuthorization} per data center and the id of the home DC (the one the account lives on).
 *
 * <p><b>DC ids</b> are the plain data center numbers, {@code 1} to {@code 9999}: never the {@code +10000}
 * form used for test DCs during key exchange, and never the negative ids of media DCs. A client keeps its
 * production and test configurations in different stores, so the same number never means two DCs.
 *
 * <p><b>Threading</b>: every implementation is safe for use by several threads at once. Each method is
 * atomic: a reader sees either the state before a concurrent change or the state after it.
 *
 * <p><b>Failures</b>: methods throw {@link SessionStoreException} (or a subclass) when the underlying
 * storage cannot be read or written or holds data in a form this version cannot use, and
 * {@link IllegalArgumentException} or {@link NullPointerException} for bad arguments. A store never
 * replaces stored data it could not read.
 *
 * <p><b>Closing</b>: a store may hold resources (the file store holds a lock on its file, so that no
 * second store uses the file); {@link #close()} releases them. Close a store after the client that uses
 * it; a closed store must not be used again.
 *
 * <p>Implementations: {@link MemorySessionStore} (nothing survives the process) and
 * {@link FileSessionStore} (one owner-only file; the default for users).
 */
public interface SessionStore extends AutoCloseable {

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
     * Forgets everything this store holds (log out): every authorization and the home DC.
     *
     * @throws SessionStoreException if the stored data cannot be removed
     */
    void clear();

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
