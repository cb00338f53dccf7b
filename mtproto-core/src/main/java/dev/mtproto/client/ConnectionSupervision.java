package dev.mtproto.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one {@link DcConnection}: whether it is running, its state, attempts and their outcome,
 * reconnects after a backoff, and the future that tells {@code connect()} when calls can flow. A failure
 * that retrying cannot fix ({@link ConnectFailures#isPermanent}) stops the attempts and fails that future
 * and the calls waiting at once; a later call or {@code connect()} starts again. Thread-safe (its own lock).
 */
final class ConnectionSupervision {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervision.class);

    private final DcConnection connection;
    private final ClientRuntime runtime;
    private final Object lock = new Object();
    private boolean running;
    private boolean closed;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private CompletableFuture<Void> connected = new CompletableFuture<>();
    private SocketLink attemptLink;
    private KeyExchangeDriver keyExchange;
    private final java.util.List<Runnable> onSettled = new java.util.ArrayList<>();
    private volatile Throwable lastFailure;
    private volatile long lastPingRttNanos = -1;
    private String lastLogged;

    ConnectionSupervision(DcConnection connection, ClientRuntime runtime) {
        this.connection = connection;
        this.runtime = runtime;
    }

    /** Starts attempts unless running; @return the future of the next usable connection */
    CompletableFuture<Void> start() {
        boolean begin;
        CompletableFuture<Void> f;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new ClientClosedException());
            }
            begin = !running;
            running = true;
            f = connected;
        }
        if (begin) {
            attempt();
        }
        return f;
    }

    boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** @return true the first time (the caller then closes) */
    boolean markClosed() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    void closedForGood() {
        setState(ConnectionState.CLOSED);
        connected.completeExceptionally(new ClientClosedException());
    }

    ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    long lastPingRttNanos() {
        return lastPingRttNanos;
    }

    void pingAnswered(long rttNanos) {
        lastPingRttNanos = rttNanos;
    }

    private void attempt() {
        int number;
        synchronized (lock) {
            if (closed || !running) {
                return;
            }
            number = connection.backoff().failures();
            setStateLocked(ConnectionState.CONNECTING);
        }
        try {
            runtime.resources().blocking().execute(new ConnectAttempt(connection, runtime, number));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            attemptEnded(null, e, false);
        }
    }

    void keyExchange(SocketLink link, KeyExchangeDriver driver) {
        synchronized (lock) {
            attemptLink = link;
            keyExchange = driver;
        }
    }

    void plainFrame(SocketLink link, byte[] frame) {
        KeyExchangeDriver driver;
        synchronized (lock) {
            driver = link == attemptLink ? keyExchange : null;
        }
        if (driver != null) {
            driver.onFrame(frame);
        } else {
            runtime.drops().count(dev.mtproto.session.DropReason.MALFORMED); // a plain message outside a key exchange
        }
    }

    /** Runs {@code action} once the attempt's link is established or closed (its connect timeout, its key claim). */
    void whenSettled(SocketLink link, Runnable action) {
        boolean now;
        synchronized (lock) {
            now = link.isClosed();
            if (!now) {
                if (attemptLink != link) {
                    onSettled.clear();
                }
                attemptLink = link;
                onSettled.add(action);
            }
        }
        if (now) {
            action.run();
        }
    }

    /** The link carries a session: calls flow. */
    void established(SocketLink link) {
        CompletableFuture<Void> done;
        synchronized (lock) {
            settle(link);
            setStateLocked(ConnectionState.CONNECTED);
            lastFailure = null;
            done = connected;
        }
        ConnectionId id = connection.id();
        runtime.events().post(l -> l.connectSucceeded(id, link.route(), Duration.ZERO));
        runtime.callbacks().execute(() -> {
            runtime.connected().accept(id);
            done.complete(null); // never run continuations on the loop
        });
    }

    private void settle(SocketLink link) {
        if (link != null && link == attemptLink) {
            attemptLink = null;
            keyExchange = null;
            for (Runnable action : onSettled) {
                action.run();
            }
            onSettled.clear();
        }
    }

    /**
     * An attempt or a connection ended.
     *
     * @param link the link, or null if none was made
     * @param cause why (null: closed on purpose)
     * @param wasOpen whether a link existed
     */
    void attemptEnded(SocketLink link, Throwable cause, boolean wasOpen) {
        boolean permanent = ConnectFailures.isPermanent(cause);
        ConnectionId id = connection.id();
        Duration delay = null;
        CompletableFuture<Void> failedConnect = null;
        synchronized (lock) {
            settle(link);
            if (closed) {
                return;
            }
            lastFailure = cause;
            setStateLocked(ConnectionState.DISCONNECTED);
            if (permanent) {
                running = false;
                failedConnect = connected;
                connected = new CompletableFuture<>();
            } else {
                delay = connection.backoff().failed(cause);
            }
        }
        log(cause, permanent);
        if (wasOpen) {
            runtime.events().post(l -> l.disconnected(id, cause));
        } else {
            runtime.events().post(l -> l.connectFailed(id, "", cause));
        }
        if (permanent) {
            ConnectFailedException error = new ConnectFailedException(id, cause);
            CompletableFuture<Void> f = failedConnect;
            runtime.callbacks().execute(() -> f.completeExceptionally(error));
            connection.failWaiting(error);
            return;
        }
        Duration wait = delay;
        int attempt = connection.backoff().failures();
        runtime.events().post(l -> l.reconnectScheduled(id, attempt - 1, wait, cause));
        runtime.resources().timer().schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void log(Throwable cause, boolean permanent) {
        String what = cause == null ? "closed" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (permanent) {
            LOG.error("{}: cannot connect, and retrying will not help: {}", connection.id(), what);
        } else if (!what.equals(lastLogged)) {
            LOG.info("{}: connection lost or failed ({}); reconnecting", connection.id(), what);
        } else {
            LOG.debug("{}: the same failure again ({})", connection.id(), what);
        }
        lastLogged = what;
    }

    private void setState(ConnectionState next) {
        synchronized (lock) {
            setStateLocked(next);
        }
    }

    private void setStateLocked(ConnectionState next) {
        if (state == next || state == ConnectionState.CLOSED) {
            return;
        }
        state = next;
        ConnectionId id = connection.id();
        runtime.events().post(l -> l.stateChanged(id, next));
    }
}
