package dev.mtproto.updates;

import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UserType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery half of the engine: each update the box lets through takes a number in the
 * {@link DeliveryWatermark}, goes to the {@link OrderedDispatcher} under its chat's key, runs every handler
 * (a handler that throws is reported, the others still run), and is marked finished so the state behind it
 * may be stored. Thread-safe.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final List<UpdateHandler> handlers = new CopyOnWriteArrayList<>();
    private final List<UpdateClaim> claims = new CopyOnWriteArrayList<>();
    private final DeliveryWatermark watermark;
    private final OrderedDispatcher<Delivery> dispatcher;
    private final Flow flow;
    private final Consumer<UpdateEngineEvent> events;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean shutDown;

    /** One update on its way to the handlers, with its place in the watermark. */
    private record Delivery(long number, IncomingUpdate update) {
    }

    /**
     * @param executor where handlers run
     * @param workers how many chats at once
     * @param capacity the queue's capacity (see {@link Flow})
     * @param window the most deliveries that may be unfinished at once
     * @param events where failures and backpressure are reported
     */
    Deliveries(Executor executor, int workers, int capacity, int window, Consumer<UpdateEngineEvent> events) {
        this.events = events;
        this.watermark = new DeliveryWatermark(window);
        this.dispatcher = new OrderedDispatcher<>(executor, workers, this::handle);
        this.flow = new Flow(capacity, dispatcher::queued, events);
    }

    void addHandler(UpdateHandler handler) {
        handlers.add(handler);
    }

    void addClaim(UpdateClaim claim) {
        claims.add(claim);
    }

    void removeClaim(UpdateClaim claim) {
        claims.remove(claim);
    }

    DeliveryWatermark watermark() {
        return watermark;
    }

    Flow flow() {
        return flow;
    }

    int queued() {
        return dispatcher.queued();
    }

    /** @return how many updates were handed to the dispatcher so far */
    int count() {
        return count.get();
    }

    /** One update for the handlers, in the box's order. */
    void deliver(Update update, List<UserType> users, List<ChatType> chats, UpdateOrigin origin, long channelId) {
        IncomingUpdate in = new IncomingUpdate(update, users, chats, origin, ChatKeys.of(update, channelId));
        count.incrementAndGet();
        for (UpdateClaim c : claims) {
            boolean taken;
            try {
                taken = c.claim(in);
            } catch (RuntimeException e) {
                LOG.warn("an update claim failed on {}", in, e);
                taken = false;
            }
            if (taken) {
                watermark.finished(watermark.issue());
                return;
            }
        }
        dispatcher.submit(in.chatKey(), new Delivery(watermark.issue(), in));
    }

    /**
     * After a stop's grace: what is still queued is not handed to the handlers and not marked finished, so the
     * stored state stays before it and the next start fetches it again.
     */
    void shutDown() {
        shutDown = true;
    }

    /**
     * After {@link #shutDown()}: waits for the handlers still running an update to return, so the state
     * stored next includes what they finished.
     *
     * @param deadline {@link System#nanoTime()} after which it stops waiting
     * @return whether none is running any more
     */
    boolean awaitRunning(long deadline) {
        while (running.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running.get() == 0;
    }

    private void handle(Delivery d) {
        running.incrementAndGet();
        try {
            handleNow(d);
        } finally {
            running.decrementAndGet();
        }
    }

    private void handleNow(Delivery d) {
        if (shutDown) {
            flow.delivered();
            return;
        }
        for (UpdateHandler h : handlers) {
            try {
                h.onUpdate(d.update());
            } catch (Throwable e) {
                LOG.warn("an update handler failed on {}", d.update(), e);
                events.accept(new UpdateEngineEvent.HandlerFailed(d.update(), e));
            }
        }
        watermark.finished(d.number());
        flow.delivered();
    }
}
