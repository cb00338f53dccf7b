package dev.mtproto.client;

import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.peers.PeerCache;
import dev.mtproto.session.DropReason;
import dev.mtproto.tl.TlMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client for Telegram's MTProto API: connects to the home DC (and to others on demand), creates or reuses
 * the authorization key of each from the {@link dev.mtproto.store.SessionStore}, and invokes any generated
 * function.
 *
 * <pre>{@code
 * try (MtprotoClient client = MtprotoClient.create(ClientConfig.builder(apiId, apiHash).build())) {
 *     client.connect().join();
 *     ConfigType config = client.invoke(GetConfig.INSTANCE).join();
 * }
 * }</pre>
 *
 * <p>Calls return {@link CompletableFuture}s that complete with the typed result, or exceptionally with a
 * {@link dev.mtproto.rpc.RpcException} (subclasses for flood waits, DC migrations and 401 errors), a
 * {@link dev.mtproto.session.RequestTimeoutException} (saying whether the call was sent and acknowledged),
 * {@link dev.mtproto.session.OutcomeUnknownException}, {@link dev.mtproto.session.MessageRejectedException},
 * {@link dev.mtproto.session.RequestTooLargeException} or {@link ClientClosedException}. They complete on the
 * client's callback threads, never on an I/O loop. Every call passes the configured
 * {@link dev.mtproto.client.interceptor.RpcInterceptor}s. The first call on each new connection is sent
 * inside {@code invokeWithLayer(initConnection(...))}. Calls made while disconnected wait and are sent once
 * connected; calls in flight when a connection drops are sent again with the same message ids, so the DC
 * answers them once.
 *
 * <p>{@link #create} starts no thread and opens no connection; {@link #start()}, {@link #connect()} or the
 * first call does. Thread-safe.
 */
public final class MtprotoClient implements AutoCloseable {
    private final ClientConfig config;
    private final ClientRuntime runtime;
    private final ConnectionPool pool;
    private final AtomicReference<DcOptions> options;
    private final HomeDc home;
    private final AccountState account;
    private final DcConfigRefresh dcConfig;
    private final PeerCache peers;
    private final PeerUpkeep peerUpkeep;
    private final CallDispatcher calls;
    private final ClientLifecycle lifecycle;

    private MtprotoClient(ClientConfig config) {
        this.config = config;
        this.options = new AtomicReference<>(config.dcOptions());
        ClientResources resources = config.resources();
        StoreWriter storeWrites = new StoreWriter(resources.blocking());
        this.home = new HomeDc(config.sessionStore(), config.homeDc(), storeWrites);
        this.runtime = ClientRuntime.create(config, storeWrites, options::get, this::connected);
        this.account = new AccountState(config.sessionStore(), runtime.keys(), storeWrites);
        this.peers = new PeerCache(config.sessionStore(), storeWrites);
        this.peerUpkeep = new PeerUpkeep(peers, runtime.updates(), resources.timer());
        this.pool = new ConnectionPool(runtime, home::isMain);
        this.dcConfig = new DcConfigRefresh(this, runtime);
        CallPipeline pipeline = new CallPipeline(BuiltInInterceptors.after(config.interceptors(), this, runtime.events()),
                runtime.events(), resources.timer(), runtime.callbacks(), pool);
        this.calls = new CallDispatcher(pipeline, runtime.cdn(), home, config.requestTimeout());
        this.lifecycle = new ClientLifecycle(runtime, pool, home, calls, dcConfig, peerUpkeep);
    }

    /**
     * Creates a client. It starts no thread and does not connect until {@link #start()}, {@link #connect()}
     * or the first call.
     *
     * @param config the configuration
     * @return the client
     * @throws dev.mtproto.store.SessionStoreException if the session store cannot be read
     */
    public static MtprotoClient create(ClientConfig config) {
        return new MtprotoClient(Objects.requireNonNull(config, "config"));
    }

    /** @return the configuration */
    public ClientConfig config() {
        return config;
    }

    /** @return the DC calls go to by default: the account's DC once known */
    public int homeDc() {
        return home.id();
    }

    /**
     * Moves the client to another home DC (after Telegram said the account lives there) and remembers it in
     * the session store. Calls made afterwards go there; calls in flight stay where they are.
     *
     * @param dcId the new home DC
     * @throws IllegalArgumentException if the DC options have no address for it
     */
    public void changeHomeDc(int dcId) {
        home.change(dcId, options.get());
    }

    /**
     * Records that the home DC's key is now signed in as this user ({@link dev.mtproto.auth.Authenticator}
     * calls it after a sign-in; applications sign in through it rather than calling this).
     *
     * @param userId the account's user id
     * @param bot whether it is a bot
     */
    public void signedIn(long userId, boolean bot) {
        if (userId == 0) {
            throw new IllegalArgumentException("user id 0 is not an account");
        }
        account.signedIn(userId, bot, home.id());
    }

    /** Records that the client is no longer signed in (after {@code auth.logOut}). */
    public void signedOut() {
        account.signedOut();
    }

    /** @return the user the client is signed in as, as far as it knows (empty before a sign-in) */
    public OptionalLong signedInUserId() {
        return account.signedInUserId();
    }

    /** @return whether the account the client is signed in as is a bot (false before a sign-in) */
    public boolean signedInAsBot() {
        return account.signedInUserId().isPresent() && account.bot();
    }

    AccountState account() {
        return account;
    }

    /** @return the last {@code help.getConfig} the client fetched (after its first connection), if any */
    public Optional<dev.mtproto.tl.api.Config> serverConfig() {
        return dcConfig.lastConfig();
    }

    /**
     * @return the access hashes of every user, chat and channel the client has seen (fed by every answer
     *     and update, kept in the session store); {@link dev.mtproto.peers.PeerResolver} resolves through it
     */
    public PeerCache peers() {
        return peers;
    }

    /** @return the DC addresses in use */
    public DcOptions dcOptions() {
        return options.get();
    }

    /**
     * Replaces the DC addresses (with what {@code help.getConfig} lists, for example). Open connections stay;
     * the next connection attempts use the new addresses.
     *
     * @param value the new addresses
     */
    public void updateDcOptions(DcOptions value) {
        options.set(Objects.requireNonNull(value, "value"));
    }

    /**
     * Makes connections to a CDN DC ({@link DcRole#CDN}) possible: its RSA key from {@code help.getCdnConfig},
     * asked of the home DC once and cached (https://core.telegram.org/cdn). Such connections create a key of
     * their own, kept in memory only, and carry no authorization.
     *
     * @param cdnDcId the CDN DC a download was redirected to
     * @return completes when connections to it can be opened; fails if {@code help.getCdnConfig} fails or lists
     *     no key of that DC ({@link IllegalStateException})
     */
    public CompletableFuture<Void> prepareCdn(int cdnDcId) {
        return calls.prepareCdn(cdnDcId);
    }

    /**
     * Starts connecting to the home DC, creating its authorization key if the store has none; returns at once.
     *
     * @return a future that completes when calls can flow. It fails only with {@link ConnectFailedException}
     *     (a mistake retrying cannot fix: untrusted DC key, unknown DC, a proxy refusing our credentials) or
     *     {@link ClientClosedException}; temporary failures are retried with backoff for as long as it takes
     */
    public CompletableFuture<Void> start() {
        return lifecycle.start();
    }

    /**
     * {@link #start()}, waiting at most the connect timeout.
     *
     * @return a future that completes when calls can flow, or fails with {@link ConnectFailedException} at
     *     once for a mistake retrying cannot fix, with {@link ConnectTimeoutException} after the connect
     *     timeout for a temporary failure (the client keeps trying meanwhile), or with
     *     {@link ClientClosedException}
     */
    public CompletableFuture<Void> connect() {
        return lifecycle.connect();
    }

    /** A connection carries its session: the home DC's main one is remembered, and its config fetched. */
    private void connected(ConnectionId id) {
        peerUpkeep.connected();
        if (home.rememberIfMain(id) && config.refreshDcOptions()) {
            dcConfig.connected();
        }
    }

    /**
     * Calls a function on the home DC with the default deadline.
     *
     * @param method the function
     * @param <R> its result type
     * @return the result; see the class description for how it fails
     */
    public <R> CompletableFuture<R> invoke(TlMethod<R> method) {
        return invoke(method, config.requestTimeout());
    }

    /**
     * Calls a function on the home DC.
     *
     * @param method the function
     * @param timeout how long to wait for the answer before failing with
     *     {@link dev.mtproto.session.RequestTimeoutException}; positive
     * @param <R> its result type
     * @return the result; cancelling the future stops waiting and asks the DC not to send the answer
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public <R> CompletableFuture<R> invoke(TlMethod<R> method, Duration timeout) {
        return invoke(home.main(), method, timeout);
    }

    /**
     * Calls a function on a chosen connection: another DC, or a DC's download or upload connection. A CDN
     * connection's RSA key is fetched first when it is not known yet ({@link #prepareCdn}).
     *
     * @param target where to send it
     * @param method the function
     * @param timeout how long to wait for the answer; positive
     * @param <R> its result type
     * @return the result
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public <R> CompletableFuture<R> invoke(ConnectionId target, TlMethod<R> method, Duration timeout) {
        return invoke(target, method, timeout, FileMigrateHandling.CLIENT_FOLLOWS);
    }

    /**
     * Calls a function on a chosen connection, saying who follows a {@code FILE_MIGRATE_X} answer: with
     * {@link FileMigrateHandling#CALLER_FOLLOWS} the call fails with the {@link dev.mtproto.rpc.MigrateException}
     * even when {@link ClientConfig#followMigrations()} is on, so that the caller can send all the calls of one
     * file to DC X (the file transfer engine does).
     *
     * @param target where to send it
     * @param method the function
     * @param timeout how long to wait for the answer; positive
     * @param fileMigrate who follows {@code FILE_MIGRATE}
     * @param <R> its result type
     * @return the result
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public <R> CompletableFuture<R> invoke(ConnectionId target, TlMethod<R> method, Duration timeout, FileMigrateHandling fileMigrate) {
        return calls.call(target, method, timeout, fileMigrate);
    }

    /** @param listener receives every {@code Updates} object the client gets, pushed or returned by calls */
    public void addUpdateListener(UpdateListener listener) {
        runtime.updates().add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener a listener added before */
    public void removeUpdateListener(UpdateListener listener) {
        runtime.updates().remove(listener);
    }

    /** @param listener told about calls, connections, keys, sessions, drops and bytes */
    public void addEventListener(ClientEventListener listener) {
        runtime.events().add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener a listener added before */
    public void removeEventListener(ClientEventListener listener) {
        runtime.events().remove(listener);
    }

    /** @return the state of the home DC's main connection */
    public ConnectionState state() {
        return state(home.main());
    }

    /**
     * @param connection a connection
     * @return its state ({@link ConnectionState#DISCONNECTED} if the client never opened it)
     */
    public ConnectionState state(ConnectionId connection) {
        return pool.state(connection);
    }

    /** @return how many incoming messages the security and sanity checks dropped, by reason */
    public Map<DropReason, Long> droppedMessages() {
        return runtime.drops().snapshot();
    }

    /** @return how many incoming messages the checks dropped, all reasons together */
    public long droppedMessageCount() {
        return runtime.drops().total();
    }

    /** @return how many quick acks the DCs sent (0 unless {@link ClientConfigBuilder#quickAcks(boolean)} is on) */
    public long quickAcksReceived() {
        return runtime.quickAcks().sum();
    }

    /** @return how many calls are in progress */
    public int pendingCalls() {
        return calls.pending();
    }

    /** @return how many pushed updates wait for the update listeners */
    public int pendingUpdates() {
        return runtime.updates().queued();
    }

    /** @return the round trip of the last ping to the home DC, if one completed */
    public Optional<Duration> lastPingRtt() {
        return pool.lastPingRtt(home.main());
    }

    /**
     * Stops gracefully: new calls fail with {@link ClientClosedException} at once, calls in progress get up
     * to {@code grace} to complete, then the client closes.
     *
     * @param grace how long to wait for calls in progress
     * @return a future that completes when the client is closed
     */
    public CompletableFuture<Void> stop(Duration grace) {
        return lifecycle.stop(grace);
    }

    /**
     * Closes every connection now; calls still pending fail with {@link ClientClosedException}. The keys and
     * salts stay in the store for the next start: the last writes to it are made before this method returns
     * (it waits up to five seconds for a slow store), and none after. The store itself stays open: whoever
     * opened it closes it (so one store can serve a client that is closed and created again). The client's own
     * copies of the keys (permanent and temporary) are overwritten with zeros before this method returns;
     * the store's are not touched.
     */
    @Override
    public void close() {
        lifecycle.close();
    }

    /**
     * @return the keys the connections' sessions run on now: the client's own copies, destroyed when a session
     *     drops them or the client closes (for tests of that, in this package)
     */
    List<AuthKey> sessionKeys() {
        List<AuthKey> keys = new ArrayList<>();
        for (DcConnection c : pool.all()) {
            AuthKey key = c.sessionKey();
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return "MtprotoClient{homeDc=" + home.id() + ", " + state() + "}";
    }
}
