package dev.mtproto.testkit.world.flood;

import dev.mtproto.testkit.TestCall;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.tl.TlMethod;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Flood limits that tests set per function: N calls per window, per account (or per key before sign-in),
 * then {@code 420 FLOOD_WAIT_X} (or {@code FLOOD_PREMIUM_WAIT_X}, {@code SLOWMODE_WAIT_X}) with X the
 * seconds until the oldest counted call leaves the window, rounded up. A refused call does not count. The
 * window slides with the world's clock, so a test moves the clock instead of sleeping. They apply to every
 * call of the function, scripted by a test or answered by the world. Thread-safe.
 */
public final class FloodLimits {
    private record Counter(Class<?> method, String subject) {
    }

    private final Map<Class<?>, FloodRule> rules = new HashMap<>();
    private final Map<Counter, ArrayDeque<Long>> calls = new HashMap<>();

    /**
     * Allows {@code calls} calls of a function per {@code window}; more get {@code 420 FLOOD_WAIT_X}.
     *
     * @param method the function class, such as {@code SendCode.class}
     * @param calls how many calls per window, at least 1
     * @param window the window, positive
     * @return this
     * @throws IllegalArgumentException if the count or the window is not positive
     */
    public FloodLimits limit(Class<? extends TlMethod<?>> method, int calls, Duration window) {
        return rule(method, new FloodRule(FloodKind.FLOOD_WAIT, calls, window));
    }

    /**
     * Like {@link #limit}, answering {@code 420 FLOOD_PREMIUM_WAIT_X} (a limit Telegram Premium lifts).
     *
     * @param method the function class
     * @param calls how many calls per window, at least 1
     * @param window the window, positive
     * @return this
     * @throws IllegalArgumentException if the count or the window is not positive
     */
    public FloodLimits premiumLimit(Class<? extends TlMethod<?>> method, int calls, Duration window) {
        return rule(method, new FloodRule(FloodKind.FLOOD_PREMIUM_WAIT, calls, window));
    }

    /**
     * Slow mode for a function: one call per {@code interval}; others get {@code 420 SLOWMODE_WAIT_X}.
     *
     * @param method the function class, such as {@code SendMessage.class}
     * @param interval the slow mode interval, positive
     * @return this
     * @throws IllegalArgumentException if the interval is not positive
     */
    public FloodLimits slowmode(Class<? extends TlMethod<?>> method, Duration interval) {
        return rule(method, new FloodRule(FloodKind.SLOWMODE_WAIT, 1, interval));
    }

    /**
     * Sets a function's rule, replacing any earlier one; what was counted for it is forgotten.
     *
     * @param method the function class
     * @param rule the rule
     * @return this
     */
    public synchronized FloodLimits rule(Class<? extends TlMethod<?>> method, FloodRule rule) {
        rules.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(rule, "rule"));
        calls.keySet().removeIf(c -> c.method() == method);
        return this;
    }

    /** Removes every rule and what was counted. */
    public synchronized void clear() {
        rules.clear();
        calls.clear();
    }

    /**
     * Counts a call, or refuses it.
     *
     * @param call the call
     * @param subject whom it counts for: an account, or a key before sign-in
     * @param nowMillis the world's time
     * @throws dev.mtproto.rpc.RpcException {@code 420} with the rule's error if the window is full
     */
    public synchronized void check(TestCall call, String subject, long nowMillis) {
        FloodRule rule = rules.get(call.method().getClass());
        if (rule == null) {
            return;
        }
        ArrayDeque<Long> times = calls.computeIfAbsent(new Counter(call.method().getClass(), subject), k -> new ArrayDeque<>());
        long windowMillis = rule.window().toMillis();
        while (!times.isEmpty() && times.peekFirst() + windowMillis <= nowMillis) {
            times.removeFirst();
        }
        if (times.size() >= rule.calls()) {
            long waitMillis = times.peekFirst() + windowMillis - nowMillis;
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            throw WorldErrors.of(420, rule.kind().name() + "_" + seconds, call);
        }
        times.addLast(nowMillis);
    }
}
