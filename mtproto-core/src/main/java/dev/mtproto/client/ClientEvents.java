package dev.mtproto.client;

import dev.mtproto.client.event.ClientEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a client's events to its listeners: connection events one at a time, in order, on the callback
 * pool (never on an I/O loop, never under a lock of the client); call events right where they happen (the
 * caller's or a callback thread). A listener that throws is logged and the others still hear of it. With no
 * listener nothing is queued at all.
 */
final class ClientEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ClientEvents.class);

    private final List<ClientEventListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor serial;

    ClientEvents(Executor callbacks, List<ClientEventListener> initial) {
        this.serial = new SerialExecutor(callbacks, "mtproto-events");
        listeners.addAll(initial);
    }

    void add(ClientEventListener listener) {
        listeners.add(listener);
    }

    void remove(ClientEventListener listener) {
        listeners.remove(listener);
    }

    /** @return whether anyone listens (callers skip building an event when no one does) */
    boolean active() {
        return !listeners.isEmpty();
    }

    /** Queues a connection event for delivery in order, off the calling thread. */
    void post(Consumer<ClientEventListener> event) {
        if (!listeners.isEmpty()) {
            serial.execute(() -> deliver(event));
        }
    }

    /** Delivers a call event on the calling thread (which is never an I/O loop). */
    void now(Consumer<ClientEventListener> event) {
        if (!listeners.isEmpty()) {
            deliver(event);
        }
    }

    private void deliver(Consumer<ClientEventListener> event) {
        for (ClientEventListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("the event listener {} failed; ignored", l.getClass().getName(), e);
            }
        }
    }
}
