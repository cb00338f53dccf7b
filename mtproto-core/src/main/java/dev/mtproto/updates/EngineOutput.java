package dev.mtproto.updates;

import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.updates.ChannelDifferenceType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of the {@link MessageBox}: deliveries go to the dispatcher, fetches become calls whose
 * answers are fed back to the box under its lock, failures are retried with backoff, and the catch-up at
 * start is followed until every sequence it fetched is complete.
 */
final class EngineOutput implements BoxOutput {
    private static final Logger LOG = LoggerFactory.getLogger(EngineOutput.class);
    private static final long COMMON = Long.MIN_VALUE;

    private final UpdateEngine engine;
    private final DifferenceFetcher fetcher;
    private final Set<Long> catchingUp = new HashSet<>();
    private CompletableFuture<Void> caughtUp;
    private long catchUpStarted;
    private boolean collecting;
    private int deliveredAtStart;
    private int commonFailures;

    EngineOutput(UpdateEngine engine, DifferenceFetcher fetcher) {
        this.engine = engine;
        this.fetcher = fetcher;
    }

    /** Called before the box starts: every fetch it asks for now is part of the catch-up. */
    CompletableFuture<Void> catchUpStarted(long now) {
        caughtUp = new CompletableFuture<>();
        catchUpStarted = now;
        deliveredAtStart = engine.deliveredCount();
        catchingUp.add(COMMON);
        collecting = true;
        return caughtUp;
    }

    /** The box has asked for everything the catch-up needs. */
    void catchUpRequested() {
        collecting = false;
    }

    @Override
    public void deliver(Update update, List<UserType> users, List<ChatType> chats, UpdateOrigin origin, long channelId) {
        engine.deliver(update, users, chats, origin, channelId);
    }

    @Override
    public void event(UpdateEngineEvent event) {
        engine.event(event);
    }

    @Override
    public void fetchState() {
        fetcher.state().whenComplete((s, e) -> {
            synchronized (engine.box()) {
                long now = engine.now();
                if (e != null) {
                    commonFailed(DifferenceFetcher.unwrap(e), now);
                } else {
                    commonFailures = 0;
                    engine.box().stateFetched(s, now);
                    caughtUp(COMMON, now);
                }
                engine.afterBoxStep();
            }
        });
    }

    @Override
    public void fetchCommon() {
        dev.mtproto.store.UpdateState from = engine.box().state();
        fetcher.common(from).whenComplete((d, e) -> {
            if (engine.closed()) {
                return;
            }
            synchronized (engine.box()) {
                long now = engine.now();
                if (e != null) {
                    commonFailed(DifferenceFetcher.unwrap(e), now);
                } else {
                    commonFailures = 0;
                    boolean more = engine.differences().common(d, now);
                    if (more && !engine.closed() && engine.flow().hasRoom()) {
                        fetchCommon();
                    } else if (more) {
                        // the handlers are behind: the next slice waits for room (the tick asks for it then)
                        engine.flow().postponed();
                        engine.box().commonGate().retryAt(now);
                        engine.box().qtsGate().retryAt(now);
                    } else {
                        caughtUp(COMMON, now);
                    }
                }
                engine.afterBoxStep();
            }
        });
    }

    private void commonFailed(Throwable e, long now) {
        Duration retry = DifferenceFetcher.retryDelay(++commonFailures);
        LOG.info("fetching the account's missed updates failed ({}); trying again in {} s", e.toString(), retry.toSeconds());
        engine.box().commonGate().retryAt(now + retry.toNanos());
        engine.box().qtsGate().retryAt(now + retry.toNanos());
        event(new UpdateEngineEvent.FetchFailed(UpdateEngineEvent.Sequence.COMMON, 0, e, retry));
    }

    @Override
    public void fetchChannel(long channelId, int pts) {
        if (collecting) {
            catchingUp.add(channelId);
        }
        Optional<CompletableFuture<ChannelDifferenceType>> call = fetcher.channel(channelId, pts);
        if (call.isEmpty()) {
            channelGone(channelId, "the client has no access hash for it (it never saw the channel in full)", engine.now());
            return;
        }
        call.get().whenComplete((d, e) -> {
            if (engine.closed()) {
                return; // stopped meanwhile: the next start fetches from the stored position
            }
            synchronized (engine.box()) {
                long now = engine.now();
                if (e != null) {
                    channelFailed(channelId, DifferenceFetcher.unwrap(e), now);
                } else {
                    boolean more = engine.differences().channel(channelId, d, now);
                    SequenceGate g = engine.box().channelGate(channelId);
                    if (more && g != null && !engine.closed() && engine.flow().hasRoom()) {
                        fetchChannel(channelId, g.position());
                    } else if (more && g != null) {
                        engine.flow().postponed();
                        g.retryAt(now);
                    } else if (!more) {
                        caughtUp(channelId, now);
                    }
                }
                engine.afterBoxStep();
            }
        });
    }

    private void channelFailed(long channelId, Throwable e, long now) {
        String gone = DifferenceFetcher.channelGone(e);
        if (gone != null) {
            channelGone(channelId, gone, now);
            return;
        }
        SequenceGate g = engine.box().channelGate(channelId);
        Duration retry = DifferenceFetcher.retryDelay(1);
        if (g != null) {
            g.retryAt(now + retry.toNanos());
        }
        LOG.info("fetching channel {}'s missed updates failed ({}); trying again in {} s", channelId, e.toString(), retry.toSeconds());
        event(new UpdateEngineEvent.FetchFailed(UpdateEngineEvent.Sequence.CHANNEL, channelId, e, retry));
    }

    private void channelGone(long channelId, String reason, long now) {
        LOG.info("channel {}: its updates cannot be fetched ({}); its position is forgotten", channelId, reason);
        engine.box().forgetChannel(channelId);
        event(new UpdateEngineEvent.ChannelUnavailable(channelId, reason));
        caughtUp(channelId, now);
    }

    private void caughtUp(long sequence, long now) {
        if (caughtUp == null || caughtUp.isDone() || !catchingUp.remove(sequence) || !catchingUp.isEmpty()) {
            return;
        }
        int updates = engine.deliveredCount() - deliveredAtStart;
        Duration took = Duration.ofNanos(now - catchUpStarted);
        CompletableFuture<Void> done = caughtUp;
        // over once the handlers have had every update of the catch-up, not when they were queued
        engine.whenAllHandled(() -> engine.callbacks().execute(() -> {
            event(new UpdateEngineEvent.CatchUpFinished(updates, took));
            done.complete(null);
        }));
    }
}
