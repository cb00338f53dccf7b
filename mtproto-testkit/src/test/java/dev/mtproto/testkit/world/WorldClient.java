package dev.mtproto.testkit.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.ReceivedUpdates;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.SrpClient;
import dev.mtproto.crypto.SrpParameters;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.CodeSettings;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.InputCheckPasswordSRP;
import dev.mtproto.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtproto.tl.api.account.GetPassword;
import dev.mtproto.tl.api.account.Password;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.AuthorizationType;
import dev.mtproto.tl.api.auth.CheckPassword;
import dev.mtproto.tl.api.auth.ImportBotAuthorization;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SignIn;
import dev.mtproto.tl.api.users.GetUsers;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * One of our own {@link MtprotoClient}s against the cluster, calling the raw generated functions, on its
 * home DC or any other, with a memory session store the test can look into.
 */
final class WorldClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** {@code users.getUsers([inputUserSelf])}: "getMe". */
    static final GetUsers GET_ME = new GetUsers(List.of(InputUserSelf.INSTANCE));

    private final MtprotoClient client;
    private final MemorySessionStore store = new MemorySessionStore();
    private final TestCluster telegram;
    /** What the DC pushed to this client, in the order it arrived (call results left out). */
    private final List<UpdatesType> pushed = Collections.synchronizedList(new ArrayList<>());

    private WorldClient(TestCluster telegram, int homeDc, boolean testMode, LongSupplier clock) {
        this(telegram, homeDc, testMode, clock, UnaryOperator.identity());
    }

    private WorldClient(TestCluster telegram, int homeDc, boolean testMode, LongSupplier clock, UnaryOperator<ClientConfigBuilder> tweak) {
        this.telegram = telegram;
        var config = telegram.clientConfig().homeDc(homeDc).testMode(testMode).sessionStore(store).followMigrations(false);
        if (clock != null) {
            config.clockMillis(clock);
        }
        config = tweak.apply(config);
        this.client = MtprotoClient.create(config.build());
        client.addUpdateListener(u -> {
            if (u.source() == ReceivedUpdates.Source.PUSHED) {
                pushed.add(u.updates());
            }
        });
    }

    /** @return a client on the account's home DC, signed in with the code the world sent */
    static WorldClient signedIn(TestCluster telegram, Account account) {
        return signedIn(telegram, account, UnaryOperator.identity());
    }

    /**
     * @param tweak changes the client's configuration (migrations are not followed unless it turns them on)
     * @return a client on the account's home DC, signed in with the code the world sent
     */
    static WorldClient signedIn(TestCluster telegram, Account account, UnaryOperator<ClientConfigBuilder> tweak) {
        WorldClient client = new WorldClient(telegram, account.homeDc(), false, null, tweak);
        if (account.bot()) {
            client.botSignIn(account.homeDc(), account.botToken());
        } else {
            client.signInOn(account.homeDc(), "+" + account.phone());
        }
        return client;
    }

    /** @return what the DC pushed so far, in order */
    List<UpdatesType> pushed() {
        synchronized (pushed) {
            return List.copyOf(pushed);
        }
    }

    /** @return how many updates the DC pushed so far */
    int pushedCount() {
        return pushed.size();
    }

    /** @return the pushes so far, once there are at least {@code n} (waits up to 10 s) */
    List<UpdatesType> awaitPushed(int n) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> pushed.size() >= n);
        return pushed();
    }

    /** Forgets the pushes so far. */
    void clearPushed() {
        pushed.clear();
    }

    static WorldClient on(TestCluster telegram, int homeDc) {
        return new WorldClient(telegram, homeDc, false, null);
    }

    /**
     * @param clock the clock the cluster was given, which the test moves: the client must follow it, or it
     *     drops the DC's messages as coming from the future
     */
    static WorldClient on(TestCluster telegram, int homeDc, LongSupplier clock) {
        return new WorldClient(telegram, homeDc, false, clock);
    }

    /** @return a client that makes its keys for test DCs (DC id + 10000), as Telegram's test-DC clients do */
    static WorldClient testMode(TestCluster telegram, int homeDc, LongSupplier clock) {
        return new WorldClient(telegram, homeDc, true, clock);
    }

    MtprotoClient raw() {
        return client;
    }

    World world() {
        return telegram.world();
    }

    /** @return the result of a call on the home DC */
    <R> R call(TlMethod<R> method) {
        return client.invoke(method, TIMEOUT).join();
    }

    /** @return the result of a call on another DC */
    <R> R call(int dc, TlMethod<R> method) {
        return client.invoke(ConnectionId.main(dc), method, TIMEOUT).join();
    }

    /** @return the error the DC answered a call on the home DC with */
    RpcException error(TlMethod<?> method) {
        return errorOf(() -> call(method));
    }

    /** @return the error the DC answered a call on another DC with */
    RpcException error(int dc, TlMethod<?> method) {
        return errorOf(() -> call(dc, method));
    }

    /** @return the error the DC answered the calls made by {@code call} with */
    static RpcException errorOf(Runnable call) {
        try {
            call.run();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(RpcException.class);
            return (RpcException) e.getCause();
        }
        throw new AssertionError("the call succeeded; an rpc_error was expected");
    }

    /** Checks that a call was answered with this {@code rpc_error}. */
    static void assertError(RpcException e, int code, String message) {
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.errorMessage()).isEqualTo(message);
    }

    /** @return the permanent key the client made for a DC */
    AuthKey authKey(int dc) {
        return store.loadAuthorization(dc).orElseThrow().authKey();
    }

    static SendCode sendCode(String phone) {
        return new SendCode(phone, TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH, CodeSettings.builder().build());
    }

    /** @return the code's hash, after sending the code to the phone on a DC */
    String sendCodeOn(int dc, String phone) {
        return ((SentCode) call(dc, sendCode(phone))).phoneCodeHash();
    }

    /** Signs in on a DC with the code the world sent, as the user types it. */
    AuthorizationType signInOn(int dc, String phone) {
        String hash = sendCodeOn(dc, phone);
        return call(dc, SignIn.builder().phoneNumber(phone).phoneCodeHash(hash).phoneCode(world().logins().code(phone)).build());
    }

    /** Signs a bot in on its home DC. */
    Authorization botSignIn(int dc, String token) {
        return (Authorization) call(dc, new ImportBotAuthorization(0, TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH, token));
    }

    /** @return {@code inputCheckPasswordSRP} for a password, made by our own client side of SRP */
    InputCheckPasswordSRP srpAnswer(int dc, String password) {
        return srpAnswer((Password) call(dc, GetPassword.INSTANCE), password);
    }

    static InputCheckPasswordSRP srpAnswer(Password p, String password) {
        var algo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) p.currentAlgo();
        var answer = SrpClient.answer(password.toCharArray(), new SrpParameters(p.srpId(), algo.salt1(), algo.salt2(), algo.g(), algo.p(),
                p.srpB()), RandomSource.secure());
        return new InputCheckPasswordSRP(answer.srpId(), answer.a(), answer.m1());
    }

    /** Gives the 2FA password on a DC whose key waits for it. */
    Authorization checkPassword(int dc, String password) {
        return (Authorization) call(dc, new CheckPassword(srpAnswer(dc, password)));
    }

    @Override
    public void close() {
        client.close();
    }
}
