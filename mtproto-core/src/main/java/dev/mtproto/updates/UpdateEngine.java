package dev.mtproto.updates;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.ReceivedUpdates;
import dev.mtproto.client.UpdateListener;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.SessionStore;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UserType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every update of a signed-in account exactly once, in order per chat, across gaps, reconnects and
 * restarts (https://core.telegram.org/api/updates). It takes every {@code Updates} object the client gets
 * (pushed, or returned by our own calls), checks each against its sequence ({@code pts}, {@code qts},
 * {@code seq}, a {@code pts} per channel), lets early ones wait briefly for those before them, fetches what
 * is missing with {@code updates.getDifference} / {@code updates.getChannelDifference}, and hands the updates
 * to the {@link UpdateHandler}s with their users and chats: one chat's updates one after another, different
 * chats' concurrently, on worker threads. The state goes to the session store as handlers finish, never ahead
 * of them, so a restart catches up from where delivery really was. What Telegram itself can no longer give
 * is reported ({@link UpdateEngineEvent.UpdatesLost}), never dropped in silence.
 *
 * <pre>{@code
 * UpdateEngine engine = UpdateEngine.create(client, UpdateEngineConfig.defaults());
 * engine.addHandler(u -> System.out.println(u.update()));
 * engine.start().join();   // after signing in; completes when the catch-up is over
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class UpdateEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateEngine.class);
    /** How long a stop waits, after its grace, for handlers still running an update. */
    private static final Duration RUNNING_HANDLER_WAIT = Duration.ofSeconds(1);
    private static final long TICK_MILLIS = 50;
    /** Channels silent for longer than this are not polled by the watchdog. */
    private static final long CHANNEL_ACTIVE_WINDOW_NANOS = TimeUnit.HOURS.toNanos(6);

    private final MtprotoClient client;
    private final UpdateEngineConfig config;
    private final SessionStore store;
    private final List<Consumer<UpdateEngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Deliveries deliveries;
    private final DeliveryWatermark watermark;
    private final EngineOutput output;
    private final MessageBox box;
    private final DifferenceApplier differences;
    private final StateSaver saver;
    private final UpdateListener raw = new RawUpdates();
    private final Flow flow;
    private final Executor callbacks;
    private volatile ScheduledFuture<?> ticking;
    private volatile boolean closed;
    private CompletableFuture<Void> stopping;

    private UpdateEngine(MtprotoClient client, UpdateEngineConfig config) {
        this.client = client;
        this.config = config;
        this.store = client.config().sessionStore();
        this.callbacks = client.config().resources().callbacks();
        Executor executor = config.executor() != null ? config.executor() : callbacks;
        int window = config.queueCapacity() * 2 + DifferenceFetcher.BOT_CHANNEL_LIMIT;
        this.deliveries = new Deliveries(executor, config.workers(), config.queueCapacity(), window, this::event);
        this.watermark = deliveries.watermark();
        this.flow = deliveries.flow();
        this.output = new EngineOutput(this, new DifferenceFetcher(client, config.queueCapacity()));
        this.box = new MessageBox(output, store.loadUpdateState().orElse(null), store.loadChannelPts(), config.gapHold().toNanos(),
                id -> client.peers().find(PeerKind.USER, id).filter(p -> !p.min()).isPresent());
        this.differences = new DifferenceApplier(box);
        this.saver = new StateSaver(store, watermark, client.config().resources().blocking());
    }

    /**
     * @param client a client (signed in before {@link #start()})
     * @param config how the engine works
     * @return an engine, not started
     */
    public static UpdateEngine create(MtprotoClient client, UpdateEngineConfig config) {
        return new UpdateEngine(Objects.requireNonNull(client, "client"), Objects.requireNonNull(config, "config"));
    }

    /** @param handler receives every update, in order per chat */
    public void addHandler(UpdateHandler handler) {
        deliveries.addHandler(Objects.requireNonNull(handler, "handler"));
    }

    /** @param claim may take updates before the handlers (see {@link UpdateClaim}) */
    public void addClaim(UpdateClaim claim) {
        deliveries.addClaim(Objects.requireNonNull(claim, "claim"));
    }

    /** @param claim a claim added before */
    public void removeClaim(UpdateClaim claim) {
        deliveries.removeClaim(claim);
    }

    /** @param listener told about recovered gaps, losses, the end of the catch-up, failures, backpressure */
    public void addEventListener(Consumer<UpdateEngineEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Starts taking updates: catches up from the stored state (or fetches the current one), then follows
     * what Telegram pushes.
     *
     * @return completes when the catch-up is over ({@link UpdateEngineEvent.CatchUpFinished})
     * @throws IllegalStateException if the client is not signed in, or the engine was started or closed
     */
    public CompletableFuture<Void> start() {
        if (client.signedInUserId().isEmpty()) {
            throw new IllegalStateException("sign in before starting the update engine (updates.getState needs an account)");
        }
        if (closed || ticking != null) {
            throw new IllegalStateException(closed ? "the update engine is closed" : "the update engine is already started");
        }
        client.addUpdateListener(raw);
        CompletableFuture<Void> caughtUp = output.catchUpStarted(now());
        synchronized (box) {
            box.selfId(client.signedInUserId().getAsLong());
            box.start(config.catchUp() == CatchUp.FROM_STORED_STATE, now());
            output.catchUpRequested();
            afterBoxStep();
        }
        ticking = client.config().resources().timer().scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        saver.start(client.config().resources().timer(), config.saveInterval());
        return caughtUp;
    }

    /** @return how many updates wait for the handlers or are being handled */
    public int queued() {
        return deliveries.queued();
    }

    /**
     * Stops taking updates, lets the handlers finish what is queued (up to {@code grace}), and stores the
     * state they reached. What is still queued after the grace is not handled; the next start fetches it again.
     * A handler running when the grace ends is waited for a second more, so its update is not repeated.
     * Calling it again returns the first call's future.
     *
     * @param grace how long to wait for the handlers
     * @return completes when stopped and the state is stored
     */
    public synchronized CompletableFuture<Void> stop(Duration grace) {
        if (stopping != null) {
            return stopping;
        }
        closed = true;
        client.removeUpdateListener(raw);
        ScheduledFuture<?> t = ticking;
        if (t != null) {
            t.cancel(false);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        stopping = CompletableFuture.runAsync(() -> {
            synchronized (box) {
                // a barrier: a step of the box under way when intake closed finishes and records its state first,
                // so the handlers' last deliveries are never written without the state they reached
                afterBoxStep();
            }
            while (deliveries.queued() > 0 && System.nanoTime() - deadline < 0) {
                flow.awaitChange(deadline);
            }
            deliveries.shutDown(); // what is left is fetched again by the next start, from the state stored now
            if (!deliveries.awaitRunning(System.nanoTime() + RUNNING_HANDLER_WAIT.toNanos())) {
                LOG.warn("an update handler is still running {} after the stop's grace: its update will be delivered again at the next start",
                        RUNNING_HANDLER_WAIT);
            }
            saver.stop();
        }, client.config().resources().blocking());
        return stopping;
    }

    /** Stops, waiting up to five seconds for the handlers. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5)).join();
    }

    long now() {
        return config.clock().getAsLong();
    }

    /** On the timer: a failure is logged and contained (it would cancel the periodic task for good). */
    private void tick() {
        try {
            tickNow();
        } catch (RuntimeException e) {
            LOG.error("the update engine's periodic work failed", e);
        }
    }

    private void tickNow() {
        long now = now();
        synchronized (box) {
            if (flow.idleFor(now, config.idleTimeout().toNanos()) && !box.commonGate().fetching()) {
                LOG.debug("no update for {}: fetching the difference", config.idleTimeout());
                flow.touched(now);
                box.commonGate().dueNow(now);
            }
            if (flow.hasRoom()) {
                box.pollIdleChannels(now, config.idleTimeout().toNanos(), CHANNEL_ACTIVE_WINDOW_NANOS);
                flow.resumeDeferred(box, now);
                box.tick(now);
            }
            flow.relieveIfDrained();
            afterBoxStep();
        }
    }

    /** Called with the box's lock held after every step: the state as it now is, for the watermark. */
    void afterBoxStep() {
        watermark.record(box.state(), box.takeChangedChannels());
    }

    MessageBox box() {
        return box;
    }

    DifferenceApplier differences() {
        return differences;
    }

    Flow flow() {
        return flow;
    }

    boolean closed() {
        return closed;
    }

    MtprotoClient client() {
        return client;
    }

    /** From the box: one update for the handlers. */
    void deliver(Update update, List<UserType> users, List<ChatType> chats, UpdateOrigin origin, long channelId) {
        deliveries.deliver(update, users, chats, origin, channelId);
    }

    void whenAllHandled(Runnable then) {
        watermark.whenAllFinished(then);
    }

    Executor callbacks() {
        return callbacks;
    }

    int deliveredCount() {
        return deliveries.count();
    }

    void event(UpdateEngineEvent e) {
        for (Consumer<UpdateEngineEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException x) {
                LOG.warn("an update engine listener failed on {}", e, x);
            }
        }
    }

    /** The client's raw updates, into the box (on the client's update thread, in arrival order). */
    private final class RawUpdates implements UpdateListener {
        @Override
        public void onUpdates(ReceivedUpdates received) {
            if (closed) {
                return;
            }
            long now = now();
            boolean own = received.source() == ReceivedUpdates.Source.CALL_RESULT;
            flow.awaitReserve(() -> closed);
            synchronized (box) {
                if (closed) {
                    return; // stopped while this waited for the lock
                }
                flow.touched(now);
                if (!own && flow.deferIfFull(received.updates(), box, now)) {
                    return;
                }
                box.process(received.updates(), own ? UpdateOrigin.OWN_CALL : UpdateOrigin.PUSHED, received.call(), now);
                afterBoxStep();
            }
        }

        @Override
        public void onNewSession(ConnectionId connection, long sessionId) {
            if (closed || !connection.equals(ConnectionId.main(client.homeDc()))) {
                return;
            }
            long now = now();
            synchronized (box) { // https://core.telegram.org/mtproto/service_messages#new-session-creation-notification: updates may be lost
                if (box.hasState()) {
                    box.commonGate().dueNow(now);
                    box.tick(now);
                    afterBoxStep();
                }
            }
        }
    }

    Map<Long, Integer> channelPositions() {
        synchronized (box) {
            return box.channelPositions();
        }
    }
}
