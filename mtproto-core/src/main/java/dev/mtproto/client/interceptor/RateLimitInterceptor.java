package dev.mtproto.client.interceptor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps calls under client-side {@link RateLimit}s, so that Telegram never has to impose a flood wait: a
 * call that would exceed a limit waits (without holding a thread) until the window has room, then goes.
 * Limits are sliding windows per rule and key. Add it with {@code ClientConfigBuilder.addInterceptor}, for
 * example with {@link BotSendingLimits#rules()}. Thread-safe.
 */
public final class RateLimitInterceptor implements RpcInterceptor {
    private static final int SWEEP_ABOVE = 1024;

    private final List<RateLimit> rules;
    private final LongSupplier nanoTime;
    private final Map<RateLimit, Map<Object, Window>> windows = new ConcurrentHashMap<>();

    /** @param rules the limits; a call waits for every rule that applies to it */
    public RateLimitInterceptor(List<RateLimit> rules) {
        this(rules, System::nanoTime);
    }

    /**
     * @param rules the limits
     * @param nanoTime the monotonic clock (tests may drive their own)
     */
    public RateLimitInterceptor(List<RateLimit> rules, LongSupplier nanoTime) {
        this.rules = List.copyOf(rules);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
        long wait = reserve(chain.request());
        if (wait <= 0) {
            return chain.proceed(chain.request());
        }
        return chain.delay(Duration.ofNanos(wait)).thenCompose(v -> chain.proceed(chain.request()));
    }

    /** Takes a slot in every window that applies and returns how long the call must wait for the latest one. */
    private long reserve(RpcRequest<?> request) {
        long now = nanoTime.getAsLong();
        long wait = 0;
        for (RateLimit rule : rules) {
            Object key = rule.key().apply(request.method());
            if (key != null) {
                Map<Object, Window> perKey = windows.computeIfAbsent(rule, r -> new ConcurrentHashMap<>());
                if (perKey.size() > SWEEP_ABOVE) {
                    perKey.values().removeIf(w -> w.idle(now)); // one window per chat ever written to would grow forever
                }
                wait = Math.max(wait, perKey.computeIfAbsent(key, k -> new Window(rule)).reserve(now));
            }
        }
        return wait;
    }

    /**
     * The start times of the last {@code permits} calls of one rule and key, some perhaps in the future
     * (reserved for calls that wait). A call may start once the call {@code permits} before it is a period
     * old, so no period holds more than {@code permits} starts.
     */
    private static final class Window {
        private final int permits;
        private final long periodNanos;
        private final ArrayDeque<Long> starts = new ArrayDeque<>();

        Window(RateLimit rule) {
            this.permits = rule.permits();
            this.periodNanos = rule.per().toNanos();
        }

        /** @return how long from {@code now} the call's reserved start is */
        synchronized long reserve(long now) {
            long start = now;
            if (starts.size() == permits) {
                start = Math.max(now, starts.pollFirst() + periodNanos);
            }
            starts.addLast(start);
            return start - now;
        }

        /** @return whether the window's last call is more than a period old (it limits nothing now) */
        synchronized boolean idle(long now) {
            return starts.isEmpty() || now - starts.peekLast() > periodNanos;
        }
    }
}
