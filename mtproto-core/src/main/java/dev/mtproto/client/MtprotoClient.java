package dev.mtproto.client;

import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.ProtocolException;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.UpdatesType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for Telegram's MTProto API: connects to the home DC, creates (or reuses from the
 * {@link dev.mtproto.store.SessionStore}) the authorization key, and invokes any generated function.
 *
 * <pre>{@code
 * try (MtprotoClient client = MtprotoClient.create(ClientConfig.builder(apiId, apiHash).build())) {
 *     client.connect().join();
 *     ConfigType config = client.invoke(GetConfig.INSTANCE).join();
 * }
 * }</pre>
 *
 * <p>Calls return {@link CompletableFuture}s that complete with the typed result, or exceptionally with a
 * {@link dev.mtproto.rpc.RpcException} (with subclasses for flood waits, DC migrations and 401 errors), a
 * {@link dev.mtproto.session.RequestTimeoutException}, or a {@link ProtocolException}. They complete on the
 * client's callback threads, never on a connection's I/O loop. The first call on every new connection is
 * sent inside {@code invokeWithLayer(initConnection(...))} automatically. Calls made while disconnected wait
 * and are sent once connected; calls in flight when a connection drops are sent again, not failed.
 *
 * <p>Thread-safe.
 */
public final class MtprotoClient implements AutoCloseable {
    private final ClientConfig config;
    private static final Logger LOG = LoggerFactory.getLogger(MtprotoClient.class);

    private final Map<Integer, DcConnection> connections = new ConcurrentHashMap<>();
    /** Guards {@link #closed} against connections being created while the client closes. */
    private final Object lifecycle = new Object();
    private final List<Consumer<UpdatesType>> updateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService ownCallbacks;
    private final Executor callbacks;
    private final ExecutorService updateDispatcher;
    private final ScheduledExecutorService timers;
    private final int homeDc;
    private volatile boolean closed;

    private MtprotoClient(ClientConfig config) {
        this.config = config;
        this.homeDc = config.sessionStore().loadHomeDc().orElse(config.homeDc());
        if (config.callbackExecutor() != null) {
            this.ownCallbacks = null;
            this.callbacks = config.callbackExecutor();
        } else {
            this.ownCallbacks = Executors.newCachedThreadPool(IoThreads.factory("mtproto-callback", config.virtualThreads()));
            this.callbacks = ownCallbacks;
        }
        this.updateDispatcher = Executors.newSingleThreadExecutor(IoThreads.factory("mtproto-updates", false));
        this.timers = Executors.newSingleThreadScheduledExecutor(IoThreads.factory("mtproto-timer", false));
        long ping = config.pingInterval().toMillis();
        timers.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    }

    /**
     * Creates a client. It does not connect until {@link #connect()} or the first call.
     *
     * @param config the configuration
     * @return the client
     */
    public static MtprotoClient create(ClientConfig config) {
        return new MtprotoClient(Objects.requireNonNull(config, "config"));
    }

    /** @return the configuration */
    public ClientConfig config() {
        return config;
    }

    /** @return the DC calls go to */
    public int homeDc() {
        return homeDc;
    }

    /**
     * Connects to the home DC, creating the authorization key if the store has none.
     *
     * @return a future that completes when calls can flow; it fails only if the client is closed first
     *     (connection failures are retried with backoff)
     */
    public CompletableFuture<Void> connect() {
        try {
            return connection(homeDc).start();
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void rememberHomeDc() {
        try {
            if (config.sessionStore().loadHomeDc().orElse(-1) != homeDc) {
                config.sessionStore().saveHomeDc(homeDc);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not save the home DC in the session store", e);
        }
    }

    /**
     * Calls a function on the home DC with the default deadline.
     *
     * @param method the function
     * @param <R> its result type
     * @return the result
     */
    public <R> CompletableFuture<R> invoke(TlMethod<R> method) {
        return invoke(method, config.requestTimeout());
    }

    /**
     * Calls a function on the home DC.
     *
     * @param method the function
     * @param timeout how long to wait for the answer before failing with
     *     {@link dev.mtproto.session.RequestTimeoutException}
     * @param <R> its result type
     * @return the result; cancelling the future stops waiting and asks the server not to send the answer
     */
    public <R> CompletableFuture<R> invoke(TlMethod<R> method, Duration timeout) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timeout, "timeout");
        DcConnection dc;
        try {
            dc = connection(homeDc);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        dc.start();
        OutgoingCall<R> call = new OutgoingCall<>(method, method.tlName(), System.nanoTime() + timeout.toNanos());
        call.future().whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                dc.cancel(call);
            }
        });
        try {
            dc.submit(call);
        } catch (ProtocolException e) { // closed meanwhile
            call.future().completeExceptionally(e);
        }
        return call.future();
    }

    /**
     * Receives every {@code Updates} object the server pushes, in order, on the client's update thread.
     *
     * @param listener the listener; exceptions it throws are logged and do not stop delivery
     */
    public void addUpdateListener(Consumer<UpdatesType> listener) {
        updateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener a listener added before */
    public void removeUpdateListener(Consumer<UpdatesType> listener) {
        updateListeners.remove(listener);
    }

    /** @param listener told about every state change of the home DC connection */
    public void addStateListener(Consumer<ConnectionState> listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @return the state of the home DC connection */
    public ConnectionState state() {
        DcConnection dc = connections.get(homeDc);
        return closed ? ConnectionState.CLOSED : dc == null ? ConnectionState.DISCONNECTED : dc.state();
    }

    /** @return how many incoming messages were dropped by security and sanity checks since the start */
    public long droppedMessages() {
        return connections.values().stream().mapToLong(DcConnection::droppedFrames).sum();
    }

    /**
     * @return how many quick acks (receipts of packets carrying calls) the DCs sent since the start; always
     *     0 unless {@link ClientConfig.Builder#quickAcks(boolean)} is on
     */
    public long quickAcksReceived() {
        return connections.values().stream().mapToLong(DcConnection::quickAcksReceived).sum();
    }

    /** @return the round trip of the last keep-alive ping to the home DC, if one completed */
    public java.util.Optional<Duration> lastPingRtt() {
        DcConnection dc = connections.get(homeDc);
        long nanos = dc == null ? -1 : dc.lastPingRttNanos();
        return nanos < 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofNanos(nanos));
    }

    /**
     * Closes the connections; calls still pending fail with {@link ProtocolException}. The session (key,
     * salt) stays in the store for the next start.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (DcConnection dc : connections.values()) {
            try {
                dc.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the connection to DC " + dc.dcId() + " failed", e);
            }
        }
        timers.shutdownNow();
        updateDispatcher.shutdown();
        if (ownCallbacks != null) {
            ownCallbacks.shutdown();
        }
    }

    /** @throws ProtocolException once the client is closed: no connection is made after {@link #close()} */
    private DcConnection connection(int dcId) {
        synchronized (lifecycle) {
            if (closed) {
                throw new dev.mtproto.session.SessionClosedException("the client is closed", false);
            }
            return connections.computeIfAbsent(dcId, id -> {
                DcConnection dc = new DcConnection(id, config, callbacks, this::dispatchUpdates,
                        state -> stateListeners.forEach(l -> l.accept(state)));
                if (id == homeDc) {
                    dc.start().thenRun(this::rememberHomeDc);
                }
                return dc;
            });
        }
    }

    private void dispatchUpdates(UpdatesType updates) {
        if (updateDispatcher.isShutdown()) {
            return;
        }
        updateDispatcher.execute(() -> {
            for (Consumer<UpdatesType> l : updateListeners) {
                try {
                    l.accept(updates);
                } catch (RuntimeException e) {
                    LOG.warn("an update listener failed", e);
                }
            }
        });
    }

    /** Timer task: an exception would cancel it for good, so each DC's failure is logged and contained. */
    private void tick() {
        for (DcConnection dc : connections.values()) {
            try {
                dc.tick();
            } catch (RuntimeException e) {
                LOG.warn("DC " + dc.dcId() + ": periodic work failed", e);
            }
        }
    }

    private void ping() {
        for (DcConnection dc : connections.values()) {
            try {
                dc.ping();
            } catch (RuntimeException e) {
                LOG.warn("DC " + dc.dcId() + ": ping failed", e);
            }
        }
    }
}
