package dev.mtproto.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before reconnecting: exponential backoff from {@code initialDelay} up to {@code maxDelay},
 * with random jitter so that many clients do not reconnect in step.
 *
 * @param initialDelay the wait after the first failure
 * @param maxDelay the longest wait
 * @param multiplier growth per failed attempt (at least 1)
 * @param jitter the fraction of each wait that is random, 0 to 1
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, got " + initialDelay + " and " + maxDelay);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1, got " + jitter);
        }
    }

    /** @return 0.5 s doubling up to 30 s, 20 % jitter */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);
    }

    /**
     * @param attempt how many attempts failed in a row, from 0
     * @return how long to wait before the next one
     */
    public Duration delay(int attempt) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.min(attempt, 30));
        double capped = Math.min(base, maxDelay.toMillis());
        double random = jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.max(0, Math.round(capped * (1 + random))));
    }
}
