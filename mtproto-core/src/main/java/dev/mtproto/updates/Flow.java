package dev.mtproto.updates;

import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdateShortChatMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesCombined;
import dev.mtproto.tl.api.UpdatesType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Backpressure between Telegram and slow handlers, bounded by the queue's capacity whatever the server sends.
 * When the queue is full, a pushed {@code Updates} whose every update has a place in a sequence is not queued:
 * its sequences are marked and fetched again with a difference once there is room (RPC answers keep flowing
 * meanwhile). Updates without a place (callback queries, statuses) cannot be fetched again, so they are
 * queued into a reserve of a quarter of the capacity; when that is full too, the client's update thread waits,
 * which makes the connection stop reading. Also keeps the time of the last update, for the idle watchdog.
 */
final class Flow {
    private final int capacity;
    private final int hardLimit;
    private final IntSupplier queued;
    private final Consumer<UpdateEngineEvent> events;
    private boolean deferredCommon;
    private final Map<Long, Integer> deferredChannels = new HashMap<>();
    private boolean backpressure;
    private volatile long lastUpdate = Long.MIN_VALUE;

    Flow(int capacity, IntSupplier queued, Consumer<UpdateEngineEvent> events) {
        this.capacity = capacity;
        this.hardLimit = capacity + capacity / 4;
        this.queued = queued;
        this.events = events;
    }

    void touched(long now) {
        lastUpdate = now;
    }

    boolean idleFor(long now, long nanos) {
        long last = lastUpdate;
        if (last == Long.MIN_VALUE) {
            lastUpdate = now;
            return false;
        }
        return now - last >= nanos;
    }

    boolean hasRoom() {
        return queued.getAsInt() < capacity;
    }

    /**
     * Called with the box's lock held, for a pushed {@code Updates}.
     *
     * @return true if it was not queued (the queue is full and all it holds can be fetched again)
     */
    boolean deferIfFull(UpdatesType updates, MessageBox box, long now) {
        if (hasRoom()) {
            return false;
        }
        List<Update> inner = updates instanceof Updates u ? u.updates() : updates instanceof UpdatesCombined c ? c.updates()
                : updates instanceof UpdateShort s ? List.of(s.update()) : null;
        boolean common = false;
        Map<Long, Integer> channels = new HashMap<>();
        if (inner == null) {
            if (!(updates instanceof UpdateShortMessage) && !(updates instanceof UpdateShortChatMessage)) {
                return false;
            }
            common = true;
        } else {
            for (Update x : inner) {
                SequencedUpdate s = SequencedUpdate.of(x);
                if (s.box() == null) {
                    return false;
                } else if (s.box() instanceof UpdateBox.Channel c) {
                    channels.merge(c.channelId(), s.expectedBefore(), Math::min);
                } else {
                    common = true;
                }
            }
        }
        synchronized (this) {
            deferredCommon |= common;
            channels.forEach((id, before) -> deferredChannels.merge(id, before, Math::min));
            if (!backpressure) {
                backpressure = true;
                events.accept(new UpdateEngineEvent.Backpressure(true, queued.getAsInt()));
            }
        }
        return true;
    }

    /** A difference's next part waits for room: reported as backpressure like a deferred push. */
    synchronized void postponed() {
        if (!backpressure) {
            backpressure = true;
            events.accept(new UpdateEngineEvent.Backpressure(true, queued.getAsInt()));
        }
    }

    /** With the box's lock held and room in the queue: the sequences whose pushes were not queued are fetched. */
    void resumeDeferred(MessageBox box, long now) {
        Map<Long, Integer> channels;
        boolean common;
        synchronized (this) {
            if (!deferredCommon && deferredChannels.isEmpty()) {
                return;
            }
            common = deferredCommon;
            channels = new HashMap<>(deferredChannels);
            deferredCommon = false;
            deferredChannels.clear();
        }
        if (common) {
            box.commonGate().dueNow(now);
        }
        channels.forEach((id, before) -> box.channelDue(id, before, now));
    }

    /**
     * Waits (on the client's update thread) while the queue and its reserve are full.
     *
     * @param abandoned true once the engine stopped: then it waits no more (a handler that never returns must
     *     not hold the client's thread for ever)
     */
    synchronized void awaitReserve(java.util.function.BooleanSupplier abandoned) {
        while (queued.getAsInt() >= hardLimit && !abandoned.getAsBoolean()) {
            if (!backpressure) {
                backpressure = true;
                events.accept(new UpdateEngineEvent.Backpressure(true, queued.getAsInt()));
            }
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A delivery finished: wakes waiters, and ends backpressure once the queue is down to half. */
    void delivered() {
        int n = queued.getAsInt();
        if (n <= capacity / 2 || n < hardLimit) {
            synchronized (this) {
                endIfDrained(n);
                notifyAll();
            }
        }
    }

    /**
     * Ends backpressure if the queue is down to half: called by the periodic tick too, since backpressure can
     * begin ({@link #postponed()}) just after the last delivery looked, and no delivery may follow to end it.
     */
    synchronized void relieveIfDrained() {
        endIfDrained(queued.getAsInt());
    }

    private void endIfDrained(int n) {
        if (backpressure && n <= capacity / 2) {
            backpressure = false;
            events.accept(new UpdateEngineEvent.Backpressure(false, n));
        }
    }

    /** Waits a little for deliveries to finish (at stop). */
    synchronized void awaitChange(long deadlineNanos) {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left > 0) {
            try {
                wait(Math.min(left, 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
