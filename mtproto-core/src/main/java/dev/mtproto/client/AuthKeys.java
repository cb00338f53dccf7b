package dev.mtproto.client;

import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.SessionStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization keys of a client, one per DC, shared by all connections to that DC: loaded from the
 * session store, created once when missing (a second connection to the same DC waits for the first one's
 * key exchange instead of running its own), forgotten when the DC no longer knows them.
 */
final class AuthKeys {
    private final SessionStore store;
    private final Map<Integer, CompletableFuture<DcAuthorization>> creating = new ConcurrentHashMap<>();
    /** Keys the DCs said they do not know, per DC: never used again, even before the store forgets them. */
    private final Map<Integer, Long> forgotten = new ConcurrentHashMap<>();

    AuthKeys(SessionStore store) {
        this.store = store;
    }

    /**
     * Reads the stored key of a DC; blocking (store I/O).
     *
     * @param dcId the DC
     * @return the stored authorization, if any
     */
    Optional<DcAuthorization> stored(int dcId) {
        Long dead = forgotten.get(dcId);
        return store.loadAuthorization(dcId).filter(a -> dead == null || a.authKey().id() != dead);
    }

    /**
     * Asks to create the key of a DC.
     *
     * @param dcId the DC
     * @return {@code null} if the caller is to create it (and must call {@link #created} or {@link #failed}),
     *     else the future of the creation another connection runs
     */
    CompletableFuture<DcAuthorization> claim(int dcId) {
        CompletableFuture<DcAuthorization> mine = new CompletableFuture<>();
        CompletableFuture<DcAuthorization> running = creating.putIfAbsent(dcId, mine);
        return running;
    }

    /** Saves a new key (blocking) and tells whoever waits for it. */
    void created(int dcId, DcAuthorization authorization) {
        CompletableFuture<DcAuthorization> f = creating.remove(dcId);
        try {
            store.saveAuthorization(dcId, authorization);
        } finally {
            if (f != null) {
                f.complete(authorization);
            }
        }
    }

    /** The creation failed; whoever waits tries on its own. */
    void failed(int dcId, Throwable cause) {
        CompletableFuture<DcAuthorization> f = creating.remove(dcId);
        if (f != null) {
            f.completeExceptionally(cause);
        }
    }

    /**
     * The DC does not know a key: it is never loaded again, and the store forgets it (blocking; if that
     * fails the key stays ignored for the life of this client).
     *
     * @param dcId the DC
     * @param keyId the key's id
     */
    void forget(int dcId, long keyId) {
        forgotten.put(dcId, keyId);
        Optional<DcAuthorization> current = store.loadAuthorization(dcId);
        if (current.isPresent() && current.get().authKey().id() == keyId) {
            store.deleteAuthorization(dcId);
        }
    }

    /**
     * Marks a key as dead before the store is told (so an attempt started meanwhile does not reuse it).
     *
     * @param dcId the DC
     * @param keyId the key's id
     */
    void markDead(int dcId, long keyId) {
        forgotten.put(dcId, keyId);
    }
}
