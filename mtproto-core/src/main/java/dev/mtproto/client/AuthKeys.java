package dev.mtproto.client;

import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.SessionStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization keys of a client, one per DC, used by all connections to that DC: loaded from the
 * session store, created once when missing (a second connection to the same DC waits for the first one's
 * key exchange instead of running its own), forgotten when the DC no longer knows them.
 *
 * <p>Each connection holds its own copy of a key, which it destroys when done with it: every key read from
 * the store is a new copy (the store keeps its own), and one read here only to look at what is stored with
 * it is destroyed at once. A key created by one connection reaches those that waited for it as copies of a
 * master copy kept here, destroyed when the DC forgets the key, when a new key replaces it, or at
 * {@link #close()}.
 */
final class AuthKeys {
    private final SessionStore store;
    private final Map<Integer, CompletableFuture<DcAuthorization>> creating = new ConcurrentHashMap<>();
    /** Per DC, the user its key is authorized as (0: not), as far as known; read from the store on first use. */
    private final Map<Integer, Long> authorizedUsers = new ConcurrentHashMap<>();
    /** Keys the DCs said they do not know, per DC: never used again, even before the store forgets them. */
    private final Map<Integer, Long> forgotten = new ConcurrentHashMap<>();
    /** Per DC, the master copy of the key created last, which the connections that waited for it copied. */
    private final Map<Integer, DcAuthorization> created = new ConcurrentHashMap<>();

    AuthKeys(SessionStore store) {
        this.store = store;
    }

    /** @return where the keys are kept */
    SessionStore store() {
        return store;
    }

    /**
     * Reads the stored key of a DC; blocking (store I/O).
     *
     * @param dcId the DC
     * @return the stored authorization, if any
     */
    Optional<DcAuthorization> stored(int dcId) {
        Long dead = forgotten.get(dcId);
        Optional<DcAuthorization> auth = store.loadAuthorization(dcId);
        if (auth.isPresent() && dead != null && auth.get().authKey().id() == dead) {
            auth.get().authKey().destroy();
            return Optional.empty();
        }
        auth.ifPresent(a -> authorizedUsers.putIfAbsent(dcId, a.authorizedUserId()));
        return auth;
    }

    /** Reads what is stored with a DC's key, destroying the copy of the key the store handed out. */
    private <T> Optional<T> peek(int dcId, java.util.function.Function<DcAuthorization, T> read) {
        Optional<DcAuthorization> auth = store.loadAuthorization(dcId);
        try {
            return auth.map(read);
        } finally {
            auth.ifPresent(a -> a.authKey().destroy());
        }
    }

    /**
     * @param dcId a DC
     * @return the user the DC's key is authorized as, 0 if none (reads the store the first time)
     */
    long authorizedUser(int dcId) {
        Long known = authorizedUsers.get(dcId);
        if (known != null) {
            return known;
        }
        long stored = peek(dcId, DcAuthorization::authorizedUserId).orElse(0L);
        authorizedUsers.putIfAbsent(dcId, stored);
        return authorizedUsers.get(dcId);
    }

    /**
     * Records (in memory now, in the store through {@code writes}) that a DC's key is, or no longer is,
     * authorized as a user.
     *
     * @param dcId the DC
     * @param userId the user, 0 for none
     * @param writes where store writes go
     */
    void setAuthorizedUser(int dcId, long userId, java.util.concurrent.Executor writes) {
        authorizedUsers.put(dcId, userId);
        writes.execute(() -> peek(dcId, a -> {
            if (a.authorizedUserId() != userId) {
                store.saveAuthorization(dcId, a.withAuthorizedUserId(userId));
            }
            return a;
        }));
    }

    /** Forgets every DC's authorization (signed out); the keys stay. */
    void clearAuthorizedUsers() {
        authorizedUsers.replaceAll((dc, user) -> 0L);
    }

    /**
     * Asks to create the key of a DC: the first connection to ask gets the claim; the others get the same
     * claim to wait on.
     *
     * @param dcId the DC
     * @return the claim; if {@link Claim#mine()} the caller creates the key and must end the claim with
     *     {@link Claim#created} or {@link Claim#failed} (a link that closes mid-exchange must fail it, or
     *     every later attempt would wait for a key that never comes)
     */
    Claim claim(int dcId) {
        CompletableFuture<DcAuthorization> mine = new CompletableFuture<>();
        CompletableFuture<DcAuthorization> running = creating.putIfAbsent(dcId, mine);
        return running == null ? new Claim(dcId, mine, true) : new Claim(dcId, running.thenApply(DcAuthorization::withKeyCopy), false);
    }

    /** One creation of a DC's key, as seen by the connection that runs it or one that waits for it. */
    final class Claim {
        private final int dcId;
        private final CompletableFuture<DcAuthorization> future;
        private final boolean mine;

        private Claim(int dcId, CompletableFuture<DcAuthorization> future, boolean mine) {
            this.dcId = dcId;
            this.future = future;
            this.mine = mine;
        }

        /** @return whether the caller is the one to create the key */
        boolean mine() {
            return mine;
        }

        /** @return completes with the key (the waiter's own copy), or fails if its creation failed */
        CompletableFuture<DcAuthorization> future() {
            return future;
        }

        /**
         * Saves the new key (blocking) and tells whoever waits for it; each waiter gets a copy of a master
         * copy, so the creator keeps {@code authorization} to itself.
         */
        void created(DcAuthorization authorization) {
            creating.remove(dcId, future);
            authorizedUsers.put(dcId, authorization.authorizedUserId());
            DcAuthorization master = authorization.withKeyCopy();
            retire(created.put(dcId, master));
            try {
                store.saveAuthorization(dcId, authorization);
            } finally {
                future.complete(master);
            }
        }

        /** The creation failed or was abandoned; whoever waits tries on its own. Harmless after {@link #created}. */
        void failed(Throwable cause) {
            if (mine) {
                creating.remove(dcId, future);
                future.completeExceptionally(cause);
            }
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
        authorizedUsers.put(dcId, 0L);
        DcAuthorization master = created.get(dcId);
        if (master != null && master.authKey().id() == keyId && created.remove(dcId, master)) {
            retire(master);
        }
        if (peek(dcId, a -> a.authKey().id() == keyId).orElse(false)) {
            store.deleteAuthorization(dcId);
        }
    }

    /** Destroys the master copies of created keys; the client is closed (its connections too). */
    void close() {
        created.values().forEach(AuthKeys::retire);
        created.clear();
    }

    private static void retire(DcAuthorization master) {
        if (master != null) {
            master.authKey().destroy();
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
