package dev.mtproto.spring.client;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.LoginFlow;
import dev.mtproto.client.MtprotoClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Signs an account in unless its session already is: bot token, or phone number or QR code through a login flow. */
final class AccountSignIn {
    /** How long a QR sign-in waits for someone to scan one of its codes (each lasts about 30 s and is renewed). */
    static final Duration QR_SCAN_TIME = Duration.ofMinutes(5);
    private final LoginFlowProvider flows;

    AccountSignIn(LoginFlowProvider flows) {
        this.flows = flows;
    }

    CompletableFuture<?> signIn(TelegramAccount account) {
        MtprotoClient raw = account.client().raw();
        if (raw.signedInUserId().isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        SignInMethod how = account.signInMethod();
        String prefix = prefix(account.name());
        return switch (how.kind()) {
            case BOT_TOKEN -> Authenticator.of(raw).signInBot(how.secret());
            case PHONE -> {
                Optional<LoginFlow> flow = flows.loginFlow(account.name());
                if (flow.isEmpty()) {
                    yield CompletableFuture.failedFuture(new SignInRequiredException(account.name(), "Telegram account '" + account.name()
                            + "' has no signed-in session, and there is nobody to type the code Telegram sends to " + prefix
                            + "phone: run the application once in a terminal (it asks for the code and the password), or define a "
                            + "LoginFlow bean; the session store then keeps the session for the next runs"));
                }
                yield Authenticator.of(raw).signIn(new PhoneLoginFlow(how.secret(), flow.get()));
            }
            case QR_CODE -> {
                Optional<LoginFlow> flow = flows.loginFlow(account.name());
                if (flow.isEmpty()) {
                    yield CompletableFuture.failedFuture(new SignInRequiredException(account.name(), "Telegram account '" + account.name()
                            + "' has no signed-in session, and there is nobody to show the QR code to: run the application once in a "
                            + "terminal (it prints the code to scan in Telegram under Settings > Devices > Link Desktop Device, and asks "
                            + "for the password), or define a LoginFlow bean whose showQrCode shows it; the session store then keeps the "
                            + "session for the next runs"));
                }
                yield Authenticator.of(raw).signInWithQr(flow.get(), QR_SCAN_TIME);
            }
            case SESSION_ONLY -> CompletableFuture.failedFuture(new SignInRequiredException(account.name(), "Telegram account '"
                    + account.name() + "' has no signed-in session in its store and no way to sign in: set " + prefix
                    + "bot-token for a bot, or " + prefix + "phone or " + prefix + "qr-login for a person's account (or point " + prefix
                    + "session at a store that holds a signed-in session)"));
        };
    }

    static String prefix(String accountName) {
        return TelegramClients.DEFAULT_NAME.equals(accountName) ? "mtproto." : "mtproto.clients." + accountName + ".";
    }
}
