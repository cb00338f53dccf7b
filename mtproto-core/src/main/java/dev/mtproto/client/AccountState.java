package dev.mtproto.client;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a client is signed in as, and on which DCs that authorization is known (the home DC after signing in,
 * others after {@code auth.importAuthorization}). Thread-safe.
 */
final class AccountState {
    private volatile long userId;
    private volatile boolean bot;
    private final Set<Integer> authorizedDcs = ConcurrentHashMap.newKeySet();

    void signedIn(long user, boolean isBot, int homeDc) {
        authorizedDcs.clear();
        userId = user;
        bot = isBot;
        authorizedDcs.add(homeDc);
    }

    void signedOut() {
        userId = 0;
        bot = false;
        authorizedDcs.clear();
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
        return authorizedDcs.contains(dcId);
    }

    void markAuthorized(int dcId, boolean authorized) {
        if (authorized) {
            authorizedDcs.add(dcId);
        } else {
            authorizedDcs.remove(dcId);
        }
    }
}
