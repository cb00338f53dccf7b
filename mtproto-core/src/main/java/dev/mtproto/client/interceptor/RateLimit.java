package dev.mtproto.client.interceptor;

import dev.mtproto.tl.TlMethod;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One client-side limit: at most {@code permits} calls that {@code key} maps to the same value within any
 * window of length {@code per}. Calls the key maps to {@code null} are not limited by this rule.
 *
 * @param name what the limit is, for logs ("30 messages per second")
 * @param key which calls count together ({@code m -> "all"} for a global limit, {@code m -> peerOf(m)}
 *     for one per chat); {@code null} for calls the rule does not apply to
 * @param permits how many calls
 * @param per in what time
 */
public record RateLimit(String name, Function<TlMethod<?>, Object> key, int permits, Duration per) {
    /**
     * @throws IllegalArgumentException if permits is not positive or the period not positive
     * @throws NullPointerException if an argument is null
     */
    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(per, "per");
        if (permits <= 0) {
            throw new IllegalArgumentException(name + ": permits must be positive, got " + permits);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException(name + ": the period must be positive, got " + per);
        }
    }
}
