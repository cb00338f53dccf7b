package dev.mtproto.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's session-store writes: one at a time, in order, on the blocking pool (never on an I/O loop or
 * the timer). {@link #close} waits for what is queued, so the last save of a closing client lands before
 * {@code close()} returns, and nothing is written to the store after.
 */
final class StoreWriter implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    private final SerialExecutor serial;
    private volatile boolean closed;

    StoreWriter(Executor blocking) {
        this.serial = new SerialExecutor(blocking, "mtproto-store");
    }

    @Override
    public void execute(Runnable write) {
        if (closed) {
            LOG.debug("the client is closed; a session-store write was not made");
            return;
        }
        serial.execute(write);
    }

    /**
     * Waits for the writes queued so far, then refuses new ones.
     *
     * @param timeout how long to wait at most (a store that hangs must not hang {@code close()})
     */
    void close(Duration timeout) {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        serial.execute(() -> drained.complete(null));
        closed = true;
        try {
            drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the session store did not finish its writes within {} ms of close()", timeout.toMillis());
        }
    }
}
