package dev.mtproto.files;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.FileMigrateHandling;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.tl.TlMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one part's call for a transfer and tries again where that may help ({@link PartFailure}): after a
 * transient failure with an exponential pause, up to {@link TransferSettings#partAttempts()} attempts; after
 * a {@code FLOOD_WAIT} the client did not sit out, when it is over (not counted as an attempt). Each retry is
 * logged at DEBUG with its attempt number. The transfer ending stops the retries and cancels the call.
 */
final class PartCaller {
    private static final Logger LOG = LoggerFactory.getLogger(PartCaller.class);
    private static final int MAX_FLOOD_WAITS = 10;

    private final MtprotoClient client;
    private final TransferSettings settings;
    private final Executor executor;

    PartCaller(MtprotoClient client, TransferSettings settings, Executor executor) {
        this.client = client;
        this.settings = settings;
        this.executor = executor;
    }

    MtprotoClient client() {
        return client;
    }

    /**
     * @param job the transfer the call is for
     * @param what the part, for logs ("part 3", "offset 1048576")
     * @param target where each attempt goes (asked again before each)
     * @param method the call
     * @param <R> its result
     * @return the result of the first attempt that succeeds, or the failure that ended the attempts
     */
    <R> CompletableFuture<R> call(TransferJob<?> job, String what, Supplier<ConnectionId> target, TlMethod<R> method) {
        return call(job, what, target, method, FileMigrateHandling.CLIENT_FOLLOWS);
    }

    /**
     * As {@link #call(TransferJob, String, Supplier, TlMethod)}, saying who follows {@code FILE_MIGRATE}.
     *
     * @param fileMigrate {@link FileMigrateHandling#CALLER_FOLLOWS} to get the answer as a failure whatever the
     *     client's configuration
     */
    <R> CompletableFuture<R> call(TransferJob<?> job, String what, Supplier<ConnectionId> target, TlMethod<R> method,
                                  FileMigrateHandling fileMigrate) {
        return attempt(new Call<>(job, what, target, method, fileMigrate), 1, 0);
    }

    /** One part's call, as every attempt sends it. */
    private record Call<R>(TransferJob<?> job, String what, Supplier<ConnectionId> target, TlMethod<R> method,
                           FileMigrateHandling fileMigrate) {
    }

    private <R> CompletableFuture<R> attempt(Call<R> c, int attempt, int floodWaits) {
        TransferJob<?> job = c.job();
        String what = c.what();
        TlMethod<R> method = c.method();
        if (job.stopped()) {
            return CompletableFuture.failedFuture(new TransferCancelledException(job.name() + " is over"));
        }
        CompletableFuture<R> call;
        try {
            call = job.track(client.invoke(c.target().get(), method, settings.partTimeout(), c.fileMigrate()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call.exceptionallyCompose(error -> {
            Throwable e = PartFailure.unwrap(error);
            PartFailure kind = PartFailure.of(e);
            if (job.stopped() || kind == PartFailure.FATAL) {
                return CompletableFuture.failedFuture(e);
            }
            if (kind == PartFailure.FLOOD_WAIT) {
                Duration wait = ((FloodWaitException) e).waitDuration();
                if (wait.compareTo(settings.maxFloodWait()) > 0 || floodWaits >= MAX_FLOOD_WAITS) {
                    return CompletableFuture.failedFuture(e);
                }
                LOG.debug("{} {} {}: {}; waiting {} s", job.name(), what, method.tlName(), e.getMessage(), wait.toSeconds());
                return later(wait).thenCompose(v -> attempt(c, attempt, floodWaits + 1));
            }
            if (attempt >= settings.partAttempts()) {
                LOG.debug("{} {} {}: attempt {} of {} failed, giving up: {}", job.name(), what, method.tlName(), attempt,
                        settings.partAttempts(), e.toString());
                return CompletableFuture.failedFuture(e);
            }
            Duration pause = backoff(attempt);
            LOG.debug("{} {} {}: attempt {} of {} failed ({}); trying again in {} ms", job.name(), what, method.tlName(),
                    attempt, settings.partAttempts(), e.toString(), pause.toMillis());
            return later(pause).thenCompose(v -> attempt(c, attempt + 1, floodWaits));
        });
    }

    /** @return the pause after the given failed attempt: the first backoff, doubled each time, capped */
    private Duration backoff(int failedAttempt) {
        Duration d = settings.retryBackoff();
        for (int i = 1; i < failedAttempt && d.compareTo(settings.maxRetryBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : d;
    }

    private CompletableFuture<Void> later(Duration d) {
        if (d.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS, executor));
    }
}
