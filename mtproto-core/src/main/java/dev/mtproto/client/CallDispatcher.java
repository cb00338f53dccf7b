package dev.mtproto.client;

import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.CdnConfig;
import dev.mtproto.tl.api.help.GetCdnConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The work behind {@link MtprotoClient}'s {@code invoke} methods: checks a call's arguments, refuses it once
 * the client is stopping, fetches a CDN DC's RSA key before the first call to it, hands the call to the
 * {@link CallPipeline} and counts it until it completes, so that a graceful stop can wait for the calls in
 * progress. Thread-safe.
 */
final class CallDispatcher {
    private final CallPipeline pipeline;
    private final CdnKeys cdn;
    private final HomeDc home;
    private final Duration defaultTimeout;
    private final InFlightCalls inFlight = new InFlightCalls();
    private volatile boolean refusing;

    /**
     * @param pipeline where calls go through the interceptors to their connections
     * @param cdn the CDN DCs' RSA keys
     * @param home the home DC, which {@code help.getCdnConfig} is asked of
     * @param defaultTimeout the deadline of that call
     */
    CallDispatcher(CallPipeline pipeline, CdnKeys cdn, HomeDc home, Duration defaultTimeout) {
        this.pipeline = pipeline;
        this.cdn = cdn;
        this.home = home;
        this.defaultTimeout = defaultTimeout;
    }

    /**
     * Makes a call.
     *
     * @param target where to send it; a CDN DC's key is fetched first when not known yet
     * @param method the function
     * @param timeout how long to wait for the answer
     * @param fileMigrate who follows {@code FILE_MIGRATE}
     * @param <R> its result type
     * @return the result, or a future failed with {@link ClientClosedException} once the client is stopping
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the timeout is not positive
     */
    <R> CompletableFuture<R> call(ConnectionId target, TlMethod<R> method, Duration timeout, FileMigrateHandling fileMigrate) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(fileMigrate, "fileMigrate");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (refusing) {
            return CompletableFuture.failedFuture(new ClientClosedException());
        }
        if (target.role() == DcRole.CDN) {
            return inFlight.track(prepareCdn(target.dcId()).thenCompose(ready -> pipeline.call(method, target, timeout, fileMigrate)));
        }
        return inFlight.track(pipeline.call(method, target, timeout, fileMigrate));
    }

    /**
     * @param cdnDcId a CDN DC
     * @return completes once its RSA key is known, asking the home DC's {@code help.getCdnConfig} if needed
     */
    CompletableFuture<Void> prepareCdn(int cdnDcId) {
        return cdn.ready(cdnDcId, () -> call(home.main(), GetCdnConfig.INSTANCE, defaultTimeout, FileMigrateHandling.CLIENT_FOLLOWS)
                .thenApply(c -> (CdnConfig) c));
    }

    /** From now on, every call fails at once with {@link ClientClosedException}. */
    void refuseNewCalls() {
        refusing = true;
    }

    /** @return whether new calls are refused (the client is stopping or closed) */
    boolean refusing() {
        return refusing;
    }

    /** @return how many calls are in progress */
    int pending() {
        return inFlight.count();
    }

    /**
     * @param grace the longest wait
     * @param timer where the checks run
     * @return completes once no call is in progress or the grace has passed
     */
    CompletableFuture<Void> drained(Duration grace, ScheduledExecutorService timer) {
        return inFlight.drained(grace, timer);
    }
}
