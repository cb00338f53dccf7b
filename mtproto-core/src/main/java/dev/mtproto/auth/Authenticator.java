package dev.mtproto.auth;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.rpc.UnauthorizedException;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.AuthorizationType;
import dev.mtproto.tl.api.auth.ImportBotAuthorization;
import dev.mtproto.tl.api.auth.LogOut;
import dev.mtproto.tl.api.users.GetUsers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Signs a client in (https://core.telegram.org/api/auth): as a bot with its token, as a person with a
 * phone number, code and 2FA password through a {@link LoginFlow}, or with a QR code scanned in another
 * app. Also says who the client is signed in as, and signs out.
 *
 * <pre>{@code
 * Authenticator auth = Authenticator.of(client);
 * SignedIn me = auth.signInBot(System.getenv("BOT_TOKEN")).join();
 * SignedIn person = auth.signIn(new ConsoleLoginFlow()).join();
 * }</pre>
 *
 * <p>Every method returns at once; the flows run on the client's blocking pool. Failures are
 * {@link LoginException}s whose {@link LoginError} says what went wrong (wrong answers are asked again,
 * not thrown); other failures (connection, timeout) as the client reports them. No code, password or token
 * is logged or kept.
 */
public final class Authenticator {
    /** {@code 123456789:AAE...}: the bot's id, a colon, and the secret part. */
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{30,}");

    private final MtprotoClient client;
    private final BlockingCalls calls;
    private final PasswordCheck password;

    private Authenticator(MtprotoClient client, RandomSource random) {
        this.client = client;
        this.calls = new BlockingCalls(client);
        this.password = new PasswordCheck(calls, random);
    }

    /**
     * @param client the client to sign in
     * @return an authenticator for it
     */
    public static Authenticator of(MtprotoClient client) {
        Objects.requireNonNull(client, "client");
        RandomSource random = client.config().random() != null ? client.config().random() : RandomSource.perThread();
        return new Authenticator(client, random);
    }

    /**
     * @param token a text
     * @return whether it has the shape of a bot token ({@code <bot id>:<at least 30 letters, digits, '-' or '_'>});
     *     whether Telegram accepts it only signing in tells
     */
    public static boolean looksLikeBotToken(String token) {
        return token != null && BOT_TOKEN.matcher(token.strip()).matches();
    }

    /**
     * Signs in as a bot ({@code auth.importBotAuthorization}).
     *
     * @param token the token from @BotFather, {@code <id>:<secret>}
     * @return who the client is signed in as; fails with {@link LoginException}
     *     ({@link LoginError#ACCESS_TOKEN_INVALID} at once for a token of the wrong shape, without sending it)
     */
    public CompletableFuture<SignedIn> signInBot(String token) {
        Objects.requireNonNull(token, "token");
        if (!looksLikeBotToken(token)) {
            return CompletableFuture.failedFuture(new LoginException(LoginError.ACCESS_TOKEN_INVALID,
                    "a bot token is the bot's id, a colon and at least 30 letters, digits, '-' or '_' (as @BotFather shows it)"));
        }
        return run(() -> calls.call(new ImportBotAuthorization(0, client.config().apiId(), client.config().apiHash(), token.strip()),
                "signing in as a bot"));
    }

    /**
     * Signs in as a person: phone number, code, 2FA password, or sign-up, as the flow answers.
     *
     * @param flow where the answers come from
     * @return who the client is signed in as; fails with {@link LoginException}
     */
    public CompletableFuture<SignedIn> signIn(LoginFlow flow) {
        Objects.requireNonNull(flow, "flow");
        return run(() -> new PhoneSignIn(calls, password).run(flow));
    }

    /**
     * Signs in with a QR code: the flow shows each token ({@link LoginFlow#showQrCode}) until one is scanned
     * in a signed-in Telegram app, then gives the 2FA password if the account has one.
     *
     * @param flow shows the codes, gives the password
     * @param timeout how long to wait for a scan
     * @return who the client is signed in as; fails with {@link LoginException}
     *     ({@link LoginError#AUTH_TOKEN_EXPIRED} when nobody scanned in time)
     */
    public CompletableFuture<SignedIn> signInWithQr(LoginFlow flow, Duration timeout) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(timeout, "timeout");
        return run(() -> new QrSignIn(calls, password).run(flow, timeout));
    }

    /**
     * @return who the client is signed in as, or empty if its key is not signed in ({@code 401} to
     *     {@code users.getUsers(inputUserSelf)})
     */
    public CompletableFuture<Optional<SignedIn>> currentAccount() {
        return client.invoke(new GetUsers(List.of(InputUserSelf.INSTANCE))).handle((users, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof UnauthorizedException) {
                    return Optional.<SignedIn>empty();
                }
                throw new CompletionException(cause);
            }
            return users.isEmpty() ? Optional.<SignedIn>empty() : Optional.of(signedIn(users.get(0)));
        });
    }

    /** @return whether the client's key is signed in */
    public CompletableFuture<Boolean> isSignedIn() {
        return currentAccount().thenApply(Optional::isPresent);
    }

    /**
     * Signs out ({@code auth.logOut}): the key is no longer signed in; the client stays connected.
     *
     * @return completes when Telegram confirmed
     */
    public CompletableFuture<Void> logOut() {
        return client.invoke(LogOut.INSTANCE).thenAccept(out -> client.signedOut());
    }

    private CompletableFuture<SignedIn> run(Supplier<AuthorizationType> flow) {
        return CompletableFuture.supplyAsync(() -> {
            AuthorizationType result = flow.get();
            if (!(result instanceof Authorization authorization)) {
                throw new LoginException(LoginError.UNSUPPORTED, "Telegram answered the sign-in with " + result.tlName());
            }
            SignedIn me = signedIn(authorization.user());
            client.signedIn(me.userId(), me.bot());
            return me;
        }, client.config().resources().blocking());
    }

    private SignedIn signedIn(UserType user) {
        if (!(user instanceof User u)) {
            throw new LoginException(LoginError.UNSUPPORTED, "Telegram sent an empty user for the signed-in account");
        }
        return new SignedIn(u.id(), u.bot(), u.firstName() == null ? "" : u.firstName(), Optional.ofNullable(u.username()), client.homeDc());
    }
}
