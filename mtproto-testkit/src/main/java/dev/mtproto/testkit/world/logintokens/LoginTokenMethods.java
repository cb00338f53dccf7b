package dev.mtproto.testkit.world.logintokens;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.auth.AppCredentials;
import dev.mtproto.testkit.world.auth.SignIns;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.Authorization;
import dev.mtproto.tl.api.UpdateLoginToken;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.auth.AcceptLoginToken;
import dev.mtproto.tl.api.auth.ExportLoginToken;
import dev.mtproto.tl.api.auth.ImportLoginToken;
import dev.mtproto.tl.api.auth.LoginToken;
import dev.mtproto.tl.api.auth.LoginTokenMigrateTo;
import dev.mtproto.tl.api.auth.LoginTokenSuccess;
import java.security.SecureRandom;

/**
 * QR login (https://core.telegram.org/api/qr-login): {@code auth.exportLoginToken} gives a token to show
 * as {@code tg://login?token=...}; a signed-in client accepts it with {@code auth.acceptLoginToken} (or a
 * test with {@link #accept}), which pushes {@code updateLoginToken} to the exporting key's sessions; the
 * next {@code auth.exportLoginToken} there answers {@code auth.loginTokenSuccess}, or
 * {@code auth.loginTokenMigrateTo} when the account lives on another DC, where
 * {@code auth.importLoginToken} finishes. An account with 2FA gets {@code 401 SESSION_PASSWORD_NEEDED}
 * instead of success, and signs in with {@code auth.checkPassword}.
 */
public final class LoginTokenMethods {
    private static final String ACCEPT = "auth.acceptLoginToken";

    private final Accounts accounts;
    private final LoginTokens tokens;
    private final SignIns signIns;
    private final TestCluster cluster;
    private final SecureRandom random;

    /**
     * @param accounts the world's accounts
     * @param tokens the login tokens
     * @param signIns how a key signs in
     * @param cluster the DCs, to push {@code updateLoginToken}
     * @param random where authorization hashes come from
     */
    public LoginTokenMethods(Accounts accounts, LoginTokens tokens, SignIns signIns, TestCluster cluster, SecureRandom random) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.signIns = signIns;
        this.cluster = cluster;
        this.random = random;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(ExportLoginToken.class, this::exportLoginToken)
                .on(ImportLoginToken.class, this::importLoginToken)
                .on(AcceptLoginToken.class, (m, c) -> accept(m.token(), c.account(), c.nowSeconds()));
    }

    private Object exportLoginToken(ExportLoginToken m, Caller c) {
        AppCredentials.check(m.apiId(), m.apiHash(), c.call());
        var accepted = tokens.takeAccepted(c.dcId(), c.permKeyId());
        if (accepted.isPresent()) {
            Account account = accounts.byId(accepted.get().acceptedBy()).orElseThrow();
            if (account.homeDc() == c.dcId()) {
                return new LoginTokenSuccess(signIns.unlessPassword(c, account, m.apiId()));
            }
            return new LoginTokenMigrateTo(account.homeDc(), tokens.migration(account.homeDc(), account.id(), m.apiId(), c.nowSeconds()));
        }
        byte[] token = tokens.export(c.dcId(), c.call().authKeyId(), c.permKeyId(), m.apiId(), c.nowSeconds());
        return new LoginToken((int) (c.nowSeconds() + LoginTokens.LIFETIME_SECONDS), token);
    }

    private Object importLoginToken(ImportLoginToken m, Caller c) {
        LoginTokens.Imported imported = tokens.importMigration(m.token(), c.dcId(), c.nowSeconds());
        if (imported.use() != LoginTokens.Use.OK) {
            throw WorldErrors.of(400, imported.use().name(), c.call());
        }
        Account account = accounts.byId(imported.migration().userId()).orElseThrow();
        return new LoginTokenSuccess(signIns.unlessPassword(c, account, imported.migration().apiId()));
    }

    /**
     * Accepts a login token as an account, as its signed-in app does when it scans the QR code; the
     * exporting key's sessions get {@code updateLoginToken}.
     *
     * @param token the token
     * @param by the account accepting it
     * @param nowSeconds the world's time
     * @return the {@code authorization} of the app being signed in
     * @throws dev.mtproto.rpc.RpcException {@code 400 AUTH_TOKEN_INVALID}, {@code AUTH_TOKEN_EXPIRED} or
     *     {@code AUTH_TOKEN_ALREADY_ACCEPTED} (https://core.telegram.org/api/qr-login#accepting-a-login-token)
     */
    public Authorization accept(byte[] token, Account by, long nowSeconds) {
        LoginTokens.Use use = tokens.accept(token, by.id(), nowSeconds);
        if (use != LoginTokens.Use.OK) {
            throw WorldErrors.of(400, use.name(), ACCEPT);
        }
        LoginTokens.Exported e = tokens.exported(token).orElseThrow();
        cluster.dc(e.dcId()).pushTo(e.rawKeyId(), new UpdateShort(UpdateLoginToken.INSTANCE, (int) nowSeconds));
        return Authorization.builder()
                .hash(random.nextLong())
                .deviceModel("Unknown device").platform("").systemVersion("")
                .apiId(e.apiId()).appName("App " + e.apiId()).appVersion("")
                .dateCreated((int) nowSeconds).dateActive((int) nowSeconds)
                .ip("127.0.0.1").country("").region("")
                .build();
    }
}
