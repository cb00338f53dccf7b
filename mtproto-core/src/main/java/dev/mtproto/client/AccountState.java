package dev.mtproto.client;

import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SignedInAccount;
import java.util.OptionalLong;

/**
 * Who a client is signed in as (kept in the session store, so a restart knows), and on which DCs that
 * authorization is known: the home DC after signing in, others after {@code auth.importAuthorization}
 * (each DC's stored authorization says it). Thread-safe; store writes go through the client's writer.
 */
final class AccountState {
    private final SessionStore store;
    private final AuthKeys keys;
    private final StoreWriter writes;
    private volatile long userId;
    private volatile boolean bot;

    AccountState(SessionStore store, AuthKeys keys, StoreWriter writes) {
        this.store = store;
        this.keys = keys;
        this.writes = writes;
        store.loadAccount().ifPresent(a -> {
            userId = a.userId();
            bot = a.bot();
        });
    }

    void signedIn(long user, boolean isBot, int homeDc) {
        keys.clearAuthorizedUsers();
        userId = user;
        bot = isBot;
        keys.setAuthorizedUser(homeDc, user, writes);
        writes.execute(() -> store.saveAccount(new SignedInAccount(user, isBot)));
    }

    void signedOut() {
        userId = 0;
        bot = false;
        keys.clearAuthorizedUsers();
        writes.execute(store::deleteAccount); // also sets every DC's authorized user back to 0
    }

    long userId() {
        return userId;
    }

    OptionalLong signedInUserId() {
        long u = userId;
        return u == 0 ? OptionalLong.empty() : OptionalLong.of(u);
    }

    boolean bot() {
        return bot;
    }

    boolean authorizedOn(int dcId) {
        long u = userId;
        return u != 0 && keys.authorizedUser(dcId) == u;
    }

    void markAuthorized(int dcId, boolean authorized) {
        keys.setAuthorizedUser(dcId, authorized ? userId : 0, writes);
    }
}
