package dev.mtproto.store.imported;

import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.PeerTable;
import dev.mtproto.store.SessionSnapshot;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SignedInAccount;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What another library's session string held: the home DC and its key, and whatever else that format
 * carries. Turn it into a store with {@link #toStore()} or put it into one with {@link #importInto}.
 *
 * <p>The key comes without a server salt or clock offset (both 0: the first call corrects them, as after
 * any restart with a stale salt) and without a creation time (the import time is used). {@link #toString()}
 * shows the key id only.
 *
 * @param format the format recognised
 * @param dcId the home DC
 * @param authorization that DC's key; {@code authorizedUserId} is the user when the format says it, else 0
 * @param account the signed-in account, when the format says it (Pyrogram); empty for Telethon, whose
 *     strings do not name the user: the client learns it from the server
 * @param serverAddress the DC address the string names (Telethon), or empty
 * @param apiId the api_id the key was created with (Pyrogram's current layout), or empty
 * @param testMode whether the key belongs to Telegram's test DCs (Pyrogram); use it with a test configuration
 */
public record ImportedSession(ForeignFormat format, int dcId, DcAuthorization authorization,
        Optional<SignedInAccount> account, Optional<InetSocketAddress> serverAddress, OptionalInt apiId,
        boolean testMode) {

    /**
     * Checks the components.
     *
     * @param format the format recognised
     * @param dcId the home DC
     * @param authorization that DC's key
     * @param account the signed-in account, or empty
     * @param serverAddress the DC address the string names, or empty
     * @param apiId the api_id the key was created with, or empty
     * @param testMode whether the key belongs to Telegram's test DCs
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    public ImportedSession {
        Objects.requireNonNull(format, "format");
        SessionStore.checkDcId(dcId);
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(serverAddress, "serverAddress");
        Objects.requireNonNull(apiId, "apiId");
    }

    /**
     * Returns the session as a snapshot: the home DC, its key and the account when known.
     *
     * @return the snapshot
     */
    public SessionSnapshot snapshot() {
        return new SessionSnapshot(new TreeMap<>(Map.of(dcId, authorization)), OptionalInt.of(dcId), account,
                Optional.empty(), new TreeMap<>(), PeerTable.EMPTY);
    }

    /**
     * Returns a memory store holding the session.
     *
     * @return a new store
     */
    public MemorySessionStore toStore() {
        return new MemorySessionStore(snapshot());
    }

    /**
     * Replaces everything a store holds with this session, atomically.
     *
     * @param store the store (a file or JDBC store, to keep the session)
     * @throws dev.mtproto.store.SessionStoreException if the store cannot be written
     */
    public void importInto(SessionStore store) {
        store.restore(snapshot());
    }
}
