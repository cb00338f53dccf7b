package dev.mtproto.testkit.world.auth;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.FutureAuthTokens;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.auth.LoggedOut;

/**
 * {@code auth.logOut} (https://core.telegram.org/method/auth.logOut): ends the authorization of the key on
 * every DC it was imported to, and gives a person a future auth token
 * (https://core.telegram.org/api/auth#future-auth-tokens).
 */
public final class LogOut {
    private final Authorizations authorizations;
    private final FutureAuthTokens futureTokens;

    /**
     * @param authorizations who is signed in where
     * @param futureTokens the future auth tokens handed out
     */
    public LogOut(Authorizations authorizations, FutureAuthTokens futureTokens) {
        this.authorizations = authorizations;
        this.futureTokens = futureTokens;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(dev.mtproto.tl.api.auth.LogOut.class, (m, c) -> logOut(c));
    }

    private Object logOut(Caller c) {
        Account account = c.account();
        authorizations.logOut(c.signedIn().hash());
        return new LoggedOut(account.bot() ? null : futureTokens.issue(account.id(), c.nowSeconds()));
    }
}
