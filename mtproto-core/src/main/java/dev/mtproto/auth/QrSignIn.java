package dev.mtproto.auth;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.ReceivedUpdates;
import dev.mtproto.client.UpdateListener;
import dev.mtproto.rpc.UnauthorizedException;
import dev.mtproto.tl.api.UpdateLoginToken;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.auth.AuthorizationType;
import dev.mtproto.tl.api.auth.ExportLoginToken;
import dev.mtproto.tl.api.auth.ImportLoginToken;
import dev.mtproto.tl.api.auth.LoginToken;
import dev.mtproto.tl.api.auth.LoginTokenMigrateTo;
import dev.mtproto.tl.api.auth.LoginTokenSuccess;
import dev.mtproto.tl.api.auth.LoginTokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * QR login (https://core.telegram.org/api/qr-login): {@code auth.exportLoginToken} gives a token the flow
 * shows as a QR code; when a signed-in app accepts it, the DC pushes {@code updateLoginToken} and the token
 * is exported again, which now answers {@code auth.loginTokenSuccess}, or {@code auth.loginTokenMigrateTo}
 * when the account lives on another DC, where {@code auth.importLoginToken} finishes it (the home DC moves
 * there). A token that expires unscanned is replaced and shown again; 2FA follows when the account has it.
 * Blocking: runs on the client's blocking pool, until signed in or the deadline.
 */
final class QrSignIn {
    private final BlockingCalls calls;
    private final MtprotoClient client;
    private final ClientConfig config;
    private final PasswordCheck password;

    QrSignIn(BlockingCalls calls, PasswordCheck password) {
        this.calls = calls;
        this.client = calls.client();
        this.config = client.config();
        this.password = password;
    }

    AuthorizationType run(LoginFlow flow, Duration timeout) {
        Semaphore accepted = new Semaphore(0);
        UpdateListener watcher = (ReceivedUpdates u) -> {
            if (u.updates() instanceof UpdateShort s && s.update() instanceof UpdateLoginToken) {
                accepted.release();
            }
        };
        client.addUpdateListener(watcher);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                LoginTokenType token;
                try {
                    token = export();
                    if (token instanceof LoginTokenMigrateTo migrate) {
                        client.changeHomeDc(migrate.dcId());
                        token = calls.call(new ImportLoginToken(migrate.token()), "importing the login token on DC " + migrate.dcId());
                    }
                } catch (UnauthorizedException e) {
                    if (e.passwordNeeded()) {
                        return password.run(flow);
                    }
                    throw e;
                }
                if (token instanceof LoginTokenSuccess success) {
                    return success.authorization();
                }
                LoginToken shown = (LoginToken) token;
                flow.showQrCode(new QrLogin(shown.token(), Instant.ofEpochSecond(shown.expires())));
                long untilExpiry = TimeUnit.SECONDS.toNanos(Math.max(1, shown.expires() - serverNowSeconds()));
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LoginException(LoginError.AUTH_TOKEN_EXPIRED, "nobody scanned the QR code within " + timeout.toSeconds() + " s");
                }
                try {
                    accepted.tryAcquire(Math.min(untilExpiry, left), TimeUnit.NANOSECONDS); // scanned, or time for a new token
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LoginException(LoginError.CANCELLED, "interrupted while waiting for the QR code to be scanned");
                }
            }
        } finally {
            client.removeUpdateListener(watcher);
        }
    }

    private LoginTokenType export() {
        return calls.call(new ExportLoginToken(config.apiId(), config.apiHash(), List.of()), "exporting a login token");
    }

    private long serverNowSeconds() {
        return config.clockMillis().getAsLong() / 1000;
    }
}
