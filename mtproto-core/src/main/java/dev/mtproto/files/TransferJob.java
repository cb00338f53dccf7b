package dev.mtproto.files;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every upload and download shares: the result future, the calls in flight (cancelled with the
 * transfer), the byte counters and the progress reports (in increasing order, never two at once).
 *
 * @param <T> the result type
 */
abstract class TransferJob<T> implements TransferTask<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TransferJob.class);

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Set<CompletableFuture<?>> calls = ConcurrentHashMap.newKeySet();
    private final TransferProgressListener listener;
    private final String name;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private long reported = -1;

    /**
     * @param name what the transfer is, for messages and logs
     * @param total its length, or -1 if unknown
     * @param listener told about progress
     */
    TransferJob(String name, long total, TransferProgressListener listener) {
        this.name = name;
        this.total = total;
        this.listener = listener;
    }

    @Override
    public final CompletableFuture<T> result() {
        return result;
    }

    @Override
    public final long bytesDone() {
        return done.get();
    }

    @Override
    public final long bytesTotal() {
        return total;
    }

    @Override
    public final void cancel() {
        if (fail(new TransferCancelledException(name + " was cancelled"))) {
            LOG.debug("{}: cancelled", name);
        }
    }

    /** @return whether the transfer is over (done, failed or cancelled): nothing more is sent */
    final boolean stopped() {
        return result.isDone();
    }

    final String name() {
        return name;
    }

    /** @param value the length, once known */
    final void total(long value) {
        this.total = value;
    }

    /**
     * Keeps a call in flight so that the end of the transfer cancels it.
     *
     * @param call the client's future
     * @param <R> its type
     * @return the same future
     */
    final <R> CompletableFuture<R> track(CompletableFuture<R> call) {
        calls.add(call);
        call.whenComplete((r, e) -> calls.remove(call));
        if (stopped()) {
            call.cancel(false);
        }
        return call;
    }

    /** @param bytes more bytes done; the listener hears of it */
    final void advance(long bytes) {
        long now = done.addAndGet(bytes);
        synchronized (this) {
            if (now <= reported) {
                return;
            }
            reported = now;
            try {
                listener.onProgress(now, total);
            } catch (RuntimeException e) {
                LOG.warn("{}: the progress listener failed", name, e);
            }
        }
    }

    /** @param value the result; the calls left are cancelled */
    final void succeed(T value) {
        if (result.complete(value)) {
            ended();
        }
    }

    /**
     * @param error why the transfer failed
     * @return whether this ended it (false if it was over already)
     */
    final boolean fail(Throwable error) {
        boolean mine = result.completeExceptionally(PartFailure.unwrap(error));
        if (mine) {
            for (CompletableFuture<?> call : calls) {
                call.cancel(false);
            }
            ended();
        }
        return mine;
    }

    /** Called once when the transfer ends, however it ends: release what it holds. */
    abstract void ended();

    @Override
    public String toString() {
        return name + " (" + done.get() + "/" + total + " bytes)";
    }
}
