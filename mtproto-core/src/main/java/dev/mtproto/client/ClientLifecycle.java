package dev.mtproto.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The work behind {@link MtprotoClient}'s {@code start}, {@code connect}, {@code stop} and {@code close}:
 * opens the home DC's main connection, waits for it at most the connect timeout, lets the calls in progress
 * finish on a graceful stop, and closes the connections, the background jobs and the session-store writes in
 * that order. Thread-safe.
 */
final class ClientLifecycle {
    private static final Duration STORE_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ClientRuntime runtime;
    private final ConnectionPool pool;
    private final HomeDc home;
    private final CallDispatcher calls;
    private final DcConfigRefresh dcConfig;
    private final PeerUpkeep peerUpkeep;

    ClientLifecycle(ClientRuntime runtime, ConnectionPool pool, HomeDc home, CallDispatcher calls, DcConfigRefresh dcConfig,
                    PeerUpkeep peerUpkeep) {
        this.runtime = runtime;
        this.pool = pool;
        this.home = home;
        this.calls = calls;
        this.dcConfig = dcConfig;
        this.peerUpkeep = peerUpkeep;
    }

    /** @return completes when the home DC's main connection carries calls; see {@link MtprotoClient#start()} */
    CompletableFuture<Void> start() {
        if (calls.refusing()) {
            return CompletableFuture.failedFuture(new ClientClosedException());
        }
        try {
            return pool.connection(home.main()).start();
        } catch (ClientClosedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return {@link #start()}, failed with {@link ConnectTimeoutException} after the connect timeout */
    CompletableFuture<Void> connect() {
        Duration timeout = runtime.config().connectTimeout();
        ConnectionId id = home.main();
        return start().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof TimeoutException) {
                DcConnection c = pool.existing(id);
                return CompletableFuture.failedFuture(new ConnectTimeoutException(id, timeout,
                        c == null ? null : c.supervision().lastFailure()));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** @return completes once the calls in progress finished (or {@code grace} passed) and the client closed */
    CompletableFuture<Void> stop(Duration grace) {
        calls.refuseNewCalls();
        return calls.drained(grace, runtime.resources().timer()).thenRunAsync(this::close, runtime.resources().blocking());
    }

    /** Refuses new calls and closes everything; returns once the last store writes are made (or 5 s passed). */
    void close() {
        calls.refuseNewCalls();
        dcConfig.stop();
        pool.close();
        peerUpkeep.close();
        runtime.storeWrites().close(STORE_CLOSE_TIMEOUT);
        runtime.keys().close();
        runtime.cdn().close();
    }
}
