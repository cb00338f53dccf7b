package dev.mtproto.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's connections, one per DC, role and lane ({@link ConnectionId}), made on first use; and the timer tasks that keep them
 * (deadlines every second, pings every ping interval), scheduled with the first connection and cancelled
 * when the pool closes. A connection other than the home DC's main one that stays unused for the idle timeout
 * is closed and forgotten; the next call to it makes a new one (with the same key, from the store). After {@link #close()} no connection is made.
 */
final class ConnectionPool implements CallPipeline.Connections {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    private final ClientRuntime runtime;
    private final Map<ConnectionId, DcConnection> connections = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private boolean closed;
    private ScheduledFuture<?> ticks;
    private ScheduledFuture<?> pings;

    private final java.util.function.Predicate<ConnectionId> keepOpen;

    /**
     * @param runtime the client's parts
     * @param keepOpen the connection never closed for being idle (the home DC's main one, which gets the updates)
     */
    ConnectionPool(ClientRuntime runtime, java.util.function.Predicate<ConnectionId> keepOpen) {
        this.runtime = runtime;
        this.keepOpen = keepOpen;
    }

    @Override
    public DcConnection connection(ConnectionId id) {
        DcConnection c = connections.get(id);
        if (c != null) {
            return c;
        }
        synchronized (lifecycle) {
            if (closed) {
                throw new ClientClosedException();
            }
            startTimers();
            return connections.computeIfAbsent(id, k -> new DcConnection(k, runtime));
        }
    }

    /** @return the connection if it exists, without making one */
    DcConnection existing(ConnectionId id) {
        return connections.get(id);
    }

    /**
     * @param id a connection
     * @return its state: {@link ConnectionState#CLOSED} once the pool is closed, {@link ConnectionState#DISCONNECTED}
     *     if it was never made (or was closed for being idle)
     */
    ConnectionState state(ConnectionId id) {
        if (closed()) {
            return ConnectionState.CLOSED;
        }
        DcConnection c = connections.get(id);
        return c == null ? ConnectionState.DISCONNECTED : c.state();
    }

    /**
     * @param id a connection
     * @return the round trip of its last ping, if it exists and one completed
     */
    Optional<Duration> lastPingRtt(ConnectionId id) {
        DcConnection c = connections.get(id);
        long nanos = c == null ? -1 : c.lastPingRttNanos();
        return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    List<DcConnection> all() {
        return List.copyOf(connections.values());
    }

    boolean closed() {
        synchronized (lifecycle) {
            return closed;
        }
    }

    private void startTimers() {
        if (ticks != null) {
            return;
        }
        long ping = runtime.config().pingInterval().toMillis();
        ticks = runtime.resources().timer().scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        pings = runtime.resources().timer().scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    }

    /** A timer task: a failure of one connection is logged and contained (it would cancel the task for good). */
    private void tick() {
        long now = System.nanoTime();
        long idle = runtime.config().idleConnectionTimeout().toNanos();
        for (DcConnection c : connections.values()) {
            try {
                if (!keepOpen.test(c.id()) && c.retireIfIdle(now, idle)) {
                    connections.remove(c.id(), c);
                    LOG.debug("{}: closed after {} unused", c.id(), runtime.config().idleConnectionTimeout());
                    continue;
                }
                c.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("{}: periodic work failed", c.id(), e);
            }
        }
    }

    private void ping() {
        for (DcConnection c : connections.values()) {
            try {
                c.ping();
            } catch (RuntimeException e) {
                LOG.warn("{}: ping failed", c.id(), e);
            }
        }
    }

    /** Closes every connection; later requests for one throw {@link ClientClosedException}. */
    void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (ticks != null) {
                ticks.cancel(false);
                pings.cancel(false);
            }
        }
        for (DcConnection c : connections.values()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: closing failed", c.id(), e);
            }
        }
    }
}
