package dev.mtproto.testkit.world.auth;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.FutureAuthTokens;
import dev.mtproto.testkit.world.authorizations.PendingPassword;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.tl.api.auth.Authorization;
import java.util.function.LongPredicate;

/**
 * The last step of every way to sign in (code, QR token, future auth token, bot token, imported
 * authorization): the key becomes the account's, and the client gets {@code auth.authorization} with the
 * account's own {@code user} and a future auth token; or, for a person with a 2FA password, the key waits
 * for it and the client gets {@code 401 SESSION_PASSWORD_NEEDED} (https://core.telegram.org/api/auth#2fa).
 */
public final class SignIns {
    private final Authorizations authorizations;
    private final FutureAuthTokens futureTokens;
    private final UserObjects users;
    private final LongPredicate hasPassword;

    /**
     * @param authorizations who is signed in where
     * @param futureTokens the future auth tokens handed out
     * @param users how users look
     * @param hasPassword whether an account (by id) has a 2FA password
     */
    public SignIns(Authorizations authorizations, FutureAuthTokens futureTokens, UserObjects users, LongPredicate hasPassword) {
        this.authorizations = authorizations;
        this.futureTokens = futureTokens;
        this.users = users;
        this.hasPassword = hasPassword;
    }

    /**
     * Signs the caller's key in, unless the account has a 2FA password.
     *
     * @param caller the call
     * @param account the account it proved to be
     * @param apiId the client's api_id (0 if unknown)
     * @return {@code auth.authorization}
     * @throws dev.mtproto.rpc.RpcException {@code 401 SESSION_PASSWORD_NEEDED} if the account has a password;
     *     the key then waits for {@code auth.checkPassword}
     */
    public Authorization unlessPassword(Caller caller, Account account, int apiId) {
        if (!account.bot() && hasPassword.test(account.id())) {
            authorizations.awaitPassword(caller.dcId(), caller.permKeyId(), new PendingPassword(account.id(), apiId));
            throw WorldErrors.of(401, "SESSION_PASSWORD_NEEDED", caller.call());
        }
        return signIn(caller, account, apiId);
    }

    /**
     * Signs the caller's key in (after its password, or for a bot).
     *
     * @param caller the call
     * @param account the account
     * @param apiId the client's api_id (0 if unknown)
     * @return {@code auth.authorization}
     */
    public Authorization signIn(Caller caller, Account account, int apiId) {
        authorizations.signIn(caller.dcId(), caller.permKeyId(), account.id(), apiId, caller.nowSeconds());
        return result(account, caller.nowSeconds());
    }

    /**
     * @param account the account signed in
     * @param nowSeconds the world's time
     * @return {@code auth.authorization} with its own {@code user}; a person's has a future auth token
     */
    public Authorization result(Account account, long nowSeconds) {
        Authorization.Builder result = Authorization.builder().user(users.self(account, nowSeconds));
        if (!account.bot()) {
            result.futureAuthToken(futureTokens.issue(account.id(), nowSeconds));
        }
        return result.build();
    }
}
