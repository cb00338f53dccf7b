package dev.mtproto.client;

import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.api.UpdatesType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes pushed updates and hands them to the {@link UpdateListener}s, in order, off the I/O loops. The
 * queue is bounded: past the capacity the connections that push are told to stop reading (they resume
 * when the queue is down to half), so nothing is dropped and memory does not grow with what the server
 * sends.
 */
final class UpdateSink {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateSink.class);

    private final List<UpdateListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor serial;
    private final int capacity;
    private final AtomicInteger queued = new AtomicInteger();
    private final Set<Backpressured> paused = ConcurrentHashMap.newKeySet();
    private final Consumer<ConnectionId> undecodable;

    /** A connection that can stop and resume reading. */
    interface Backpressured {
        ConnectionId id();

        void pause();

        void resume();
    }

    UpdateSink(Executor callbacks, int capacity, Consumer<ConnectionId> undecodable) {
        this.serial = new SerialExecutor(callbacks, "mtproto-updates");
        this.capacity = capacity;
        this.undecodable = undecodable;
    }

    void add(UpdateListener listener) {
        listeners.add(listener);
    }

    void remove(UpdateListener listener) {
        listeners.remove(listener);
    }

    /** @return how many updates wait for the listeners */
    int queued() {
        return queued.get();
    }

    /**
     * Queues pushed updates, still encoded; decoding happens off the caller's thread.
     *
     * @param from the connection they came on (paused if the queue is full)
     * @param sessionId the session
     * @param boxed the TL bytes of one boxed {@code Updates}
     */
    void pushed(Backpressured from, long sessionId, byte[] boxed) {
        enqueue(from, () -> {
            UpdatesType updates;
            try {
                updates = UpdatesType.read(new TlReader(boxed));
            } catch (TlDecodeException e) {
                LOG.debug("{}: dropped a pushed object that is not Updates: {}", from.id(), e.getMessage());
                undecodable.accept(from.id());
                return;
            }
            deliver(new ReceivedUpdates(from.id(), sessionId, updates, ReceivedUpdates.Source.PUSHED));
        });
    }

    /**
     * Queues updates that are a call's result (never paused for: the call's caller is waiting too).
     *
     * @param updates the updates
     */
    void result(ReceivedUpdates updates) {
        enqueue(null, () -> deliver(updates));
    }

    /** Queues the news that a DC created a new session. */
    void newSession(ConnectionId connection, long sessionId) {
        enqueue(null, () -> {
            for (UpdateListener l : listeners) {
                try {
                    l.onNewSession(connection, sessionId);
                } catch (RuntimeException e) {
                    LOG.warn("the update listener {} failed", l.getClass().getName(), e);
                }
            }
        });
    }

    private void enqueue(Backpressured from, Runnable delivery) {
        int n = queued.incrementAndGet();
        if (from != null && n > capacity && paused.add(from)) {
            from.pause();
        }
        serial.execute(() -> {
            try {
                delivery.run();
            } finally {
                if (queued.decrementAndGet() <= capacity / 2 && !paused.isEmpty()) {
                    resumeAll();
                }
            }
        });
    }

    private void resumeAll() {
        for (Backpressured b : paused) {
            if (paused.remove(b)) {
                b.resume();
            }
        }
    }

    private void deliver(ReceivedUpdates updates) {
        for (UpdateListener l : listeners) {
            try {
                l.onUpdates(updates);
            } catch (RuntimeException e) {
                LOG.warn("the update listener {} failed", l.getClass().getName(), e);
            }
        }
    }
}
