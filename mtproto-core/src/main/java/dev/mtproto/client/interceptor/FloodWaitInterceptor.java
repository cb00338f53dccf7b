package dev.mtproto.client.interceptor;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.RpcException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Applies Telegram's flood waits to every call (https://core.telegram.org/api/errors#420-flood): a
 * {@code FLOOD_WAIT_X}, {@code FLOOD_PREMIUM_WAIT_X} or {@code SLOWMODE_WAIT_X} of at most the threshold is
 * waited out, without holding a thread, and the call retried; a longer one fails the call with the
 * {@link FloodWaitException} and its seconds. While a {@code FLOOD_WAIT} or {@code FLOOD_PREMIUM_WAIT} is in
 * force for a method, other calls of that method wait for it too (or fail at once if the rest of the wait
 * is over the threshold) instead of reaching the server. A slow-mode wait concerns one chat, which this
 * interceptor cannot tell from the method alone, so it delays only the call that got it.
 *
 * <p>Every wait is reported through the {@link Listener} (the client passes it to its event listeners).
 * Thread-safe.
 */
public final class FloodWaitInterceptor implements RpcInterceptor {
    /** How many flood waits one call sits out before it fails (the server may ask again after each). */
    public static final int MAX_WAITS_PER_CALL = 5;

    /** Told about every wait. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param method the function
         * @param connection where it went
         * @param wait how long
         * @param waiting whether the call waits (or fails)
         */
        void floodWait(String method, ConnectionId connection, Duration wait, boolean waiting);
    }

    private final Duration threshold;
    private final Listener listener;
    private final LongSupplier nanoTime;
    /** Per method: the {@link System#nanoTime()} until which the DC wants no call of it. */
    private final Map<String, Long> activeUntil = new ConcurrentHashMap<>();

    /**
     * @param threshold the longest wait sat out; longer ones fail the call (zero: every wait fails it)
     * @param listener told about every wait
     * @param nanoTime the monotonic clock ({@code System::nanoTime})
     */
    public FloodWaitInterceptor(Duration threshold, Listener listener, LongSupplier nanoTime) {
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("the flood-wait threshold cannot be negative, got " + threshold);
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
        return attempt(chain, chain.request(), 0);
    }

    private <R> CompletableFuture<R> attempt(RpcChain<R> chain, RpcRequest<R> request, int waits) {
        Duration pending = activeWait(request.methodName());
        if (!pending.isZero()) {
            boolean waiting = pending.compareTo(threshold) <= 0 && waits < MAX_WAITS_PER_CALL;
            listener.floodWait(request.methodName(), request.target(), pending, waiting);
            if (!waiting) {
                return CompletableFuture.failedFuture(RpcException.of(420, "FLOOD_WAIT_" + seconds(pending), request.methodName()));
            }
            return chain.delay(pending).thenCompose(v -> attempt(chain, request, waits + 1));
        }
        return chain.proceed(request).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof FloodWaitException flood)) {
                return CompletableFuture.failedFuture(cause);
            }
            Duration wait = flood.waitDuration();
            boolean shared = !"SLOWMODE_WAIT".equals(flood.errorName());
            if (shared) {
                activeUntil.merge(request.methodName(), nanoTime.getAsLong() + wait.toNanos(), Math::max);
            }
            boolean waiting = wait.compareTo(threshold) <= 0 && waits < MAX_WAITS_PER_CALL;
            listener.floodWait(request.methodName(), request.target(), wait, waiting);
            if (!waiting) {
                return CompletableFuture.failedFuture(flood);
            }
            return chain.delay(wait).thenCompose(v -> attempt(chain, request.nextAttempt(), waits + 1));
        });
    }

    /** @return how long the DC still wants no call of this method, zero if none */
    private Duration activeWait(String method) {
        Long until = activeUntil.get(method);
        if (until == null) {
            return Duration.ZERO;
        }
        long left = until - nanoTime.getAsLong();
        if (left <= 0) {
            activeUntil.remove(method, until);
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    @Override
    public String toString() {
        return "FloodWaitInterceptor{threshold=" + threshold + "}";
    }
}
