package dev.mtproto.testkit.world.flood;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code calls} calls of a function per {@code window}, counted per account (per key before
 * sign-in); the next is refused with the rule's error until the oldest call leaves the window.
 *
 * @param kind the error it answers with
 * @param calls how many calls the window takes, at least 1
 * @param window how long a call counts, positive
 */
public record FloodRule(FloodKind kind, int calls, Duration window) {
    /**
     * Checks the components.
     *
     * @param kind the error
     * @param calls calls per window
     * @param window the window
     * @throws IllegalArgumentException if the count or the window is not positive
     */
    public FloodRule {
        Objects.requireNonNull(kind, "kind");
        if (calls < 1) {
            throw new IllegalArgumentException("a flood limit allows at least 1 call per window, got " + calls);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a flood window must be positive, got " + window);
        }
    }
}
