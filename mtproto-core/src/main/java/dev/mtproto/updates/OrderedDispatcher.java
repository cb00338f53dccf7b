package dev.mtproto.updates;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs deliveries in order within each chat and concurrently across chats, on at most {@code workers}
 * tasks of an executor at a time (never a connection's I/O loop). Each worker takes a chat that has work,
 * runs a batch of its deliveries, and puts it back if more came meanwhile, so one busy chat cannot starve
 * the others. Thread-safe.
 *
 * @param <T> what is delivered
 */
final class OrderedDispatcher<T> {
    private static final int BATCH = 64;

    private final Executor executor;
    private final int workers;
    private final Consumer<T> handler;
    private final Map<Long, Lane<T>> lanes = new HashMap<>();
    private final ArrayDeque<Lane<T>> ready = new ArrayDeque<>();
    private int running;
    private int queued;

    private static final class Lane<T> {
        final long key;
        final ArrayDeque<T> items = new ArrayDeque<>();
        boolean scheduled;

        Lane(long key) {
            this.key = key;
        }
    }

    /**
     * @param executor where deliveries run
     * @param workers how many chats may be handled at once
     * @param handler runs one delivery (must not throw)
     */
    OrderedDispatcher(Executor executor, int workers, Consumer<T> handler) {
        this.executor = executor;
        this.workers = workers;
        this.handler = handler;
    }

    /**
     * @param key the chat
     * @param item the delivery, run after every earlier one of the same chat
     */
    void submit(long key, T item) {
        boolean start = false;
        synchronized (this) {
            Lane<T> lane = lanes.computeIfAbsent(key, Lane::new);
            lane.items.add(item);
            queued++;
            if (!lane.scheduled) {
                lane.scheduled = true;
                ready.add(lane);
                if (running < workers) {
                    running++;
                    start = true;
                }
            }
        }
        if (start) {
            executor.execute(this::work);
        }
    }

    /** @return how many deliveries wait or run */
    synchronized int queued() {
        return queued;
    }

    private void work() {
        ArrayDeque<T> batch = new ArrayDeque<>(BATCH);
        while (true) {
            Lane<T> lane;
            synchronized (this) {
                lane = ready.poll();
                if (lane == null) {
                    running--;
                    return;
                }
                for (int i = 0; i < BATCH && !lane.items.isEmpty(); i++) {
                    batch.add(lane.items.poll());
                }
            }
            int n = batch.size();
            for (T item; (item = batch.poll()) != null; ) {
                handler.accept(item);
            }
            synchronized (this) {
                queued -= n;
                if (lane.items.isEmpty()) {
                    lane.scheduled = false;
                    lanes.remove(lane.key);
                } else {
                    ready.add(lane);
                }
            }
        }
    }
}
