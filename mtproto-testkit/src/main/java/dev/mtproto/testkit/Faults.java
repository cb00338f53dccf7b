package dev.mtproto.testkit;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlMethod;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Faults a test DC injects, for testing how a client survives them. Rules about calls apply to the next
 * matching calls ({@link #nextCall}, once by default); frame-level faults apply to the next frames. All
 * rules are one-shot unless given a count, and thread-safe.
 *
 * <pre>{@code
 * dc.faults().nextCall(GetNearestDc.class).failWith(420, "FLOOD_WAIT_3");
 * dc.faults().nextCall(GetNearestDc.class).dropConnectionBeforeAnswer();
 * dc.faults().nextCall(m -> true).times(3).delay(Duration.ofMillis(300));
 * dc.faults().duplicateNextFrames(2);
 * dc.faults().injectGarbageFrames(3);
 * dc.faults().badServerSaltOnNextMessage();
 * dc.faults().transportErrorOnNextFrame(-429);
 * }</pre>
 */
public final class Faults {

    /** What to do to a matching call. */
    enum Action { FAIL, DROP_BEFORE, DROP_AFTER, DELAY }

    /** One rule about calls. */
    static final class CallRule {
        final Predicate<TlMethod<?>> matcher;
        final AtomicInteger remaining;
        volatile Action action;
        volatile int code;
        volatile String message;
        volatile Duration delay = Duration.ZERO;

        CallRule(Predicate<TlMethod<?>> matcher) {
            this.matcher = matcher;
            this.remaining = new AtomicInteger(1);
        }

        boolean take() {
            return takeOne(remaining);
        }
    }

    /** Chooses what happens to the calls a rule matches. */
    public static final class CallFault {
        private final CallRule rule;
        private final Faults owner;

        private CallFault(CallRule rule, Faults owner) {
            this.rule = rule;
            this.owner = owner;
        }

        /**
         * @param count how many matching calls the rule applies to (default 1)
         * @return this
         */
        public CallFault times(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("count must be positive, got " + count);
            }
            rule.remaining.set(count);
            return this;
        }

        /**
         * Answers with {@code rpc_error code message} (FLOOD_WAIT_X, PHONE_MIGRATE_X, ...) instead of executing.
         *
         * @param code the error code, such as 420
         * @param message the error name, such as {@code FLOOD_WAIT_3}
         * @throws IllegalArgumentException if the code or the name is not one an RPC error can have
         */
        public void failWith(int code, String message) {
            RpcException.of(code, message, "check"); // validates the arguments early
            rule.code = code;
            rule.message = Objects.requireNonNull(message, "message");
            arm(Action.FAIL);
        }

        /**
         * Closes the connection when the call is about to run, before reading it: it does not run and does
         * not count as received, so the client must send it again. The rule applies where the session would
         * run the call, after all its checks: a message the session refuses (a wrong salt, an old msg_id) or
         * answers from its cache (a duplicate) neither triggers nor uses it.
         */
        public void dropConnectionBeforeAnswer() {
            arm(Action.DROP_BEFORE);
        }

        /**
         * Executes the call, then closes the connection instead of sending the answer (which the session
         * keeps: the client gets it after reconnecting, or by sending the request again). Applies, like
         * {@link #dropConnectionBeforeAnswer()}, only to a call the session runs.
         */
        public void dropConnectionAfterAnswer() {
            arm(Action.DROP_AFTER);
        }

        /**
         * Executes the call after a pause; the session answers other messages meanwhile. A reset of the
         * cluster cancels calls still waiting.
         *
         * @param pause how long, not negative
         * @throws IllegalArgumentException if the pause is negative
         */
        public void delay(Duration pause) {
            if (pause.isNegative()) {
                throw new IllegalArgumentException("pause must not be negative");
            }
            rule.delay = pause;
            arm(Action.DELAY);
        }

        private void arm(Action action) {
            rule.action = action;
            owner.callRules.add(rule);
        }
    }

    final List<CallRule> callRules = new CopyOnWriteArrayList<>();
    final AtomicInteger duplicateFrames = new AtomicInteger();
    final AtomicInteger replayFrames = new AtomicInteger();
    final AtomicInteger garbageFrames = new AtomicInteger();
    final AtomicInteger badSalts = new AtomicInteger();
    final AtomicInteger newSessions = new AtomicInteger();
    final AtomicInteger transportErrors = new AtomicInteger();
    volatile int transportErrorCode;

    /**
     * @param type the function class the rule applies to
     * @return a choice of fault
     */
    public CallFault nextCall(Class<? extends TlMethod<?>> type) {
        Objects.requireNonNull(type, "type");
        return nextCall(m -> type.isInstance(m));
    }

    /**
     * @param matcher which calls the rule applies to (after wrappers are removed)
     * @return a choice of fault
     */
    public CallFault nextCall(Predicate<TlMethod<?>> matcher) {
        return new CallFault(new CallRule(Objects.requireNonNull(matcher, "matcher")), this);
    }

    /** @param count how many of the next frames the DC sends go out twice */
    public void duplicateNextFrames(int count) {
        duplicateFrames.addAndGet(count);
    }

    /** @param count how many times the DC sends, again, a frame it sent earlier (a replay) */
    public void replayEarlierFrames(int count) {
        replayFrames.addAndGet(count);
    }

    /** @param count how many frames of random bytes (which cannot decrypt) the DC sends along with the next frames */
    public void injectGarbageFrames(int count) {
        garbageFrames.addAndGet(count);
    }

    /** The salt of the session is replaced before the next client message, which then gets {@code bad_server_salt}. */
    public void badServerSaltOnNextMessage() {
        badSalts.incrementAndGet();
    }

    /** The DC forgets the session before the next client message, and answers it with {@code new_session_created}. */
    public void newSessionOnNextMessage() {
        newSessions.incrementAndGet();
    }

    /**
     * The next frame from a client is answered with a transport error and the connection closed.
     *
     * @param code the error, such as -404 (no such key) or -429 (too many connections)
     */
    public void transportErrorOnNextFrame(int code) {
        if (code >= 0) {
            throw new IllegalArgumentException("transport errors are negative, got " + code);
        }
        transportErrorCode = code;
        transportErrors.incrementAndGet();
    }

    /** Removes every pending fault. */
    public void clear() {
        callRules.clear();
        duplicateFrames.set(0);
        replayFrames.set(0);
        garbageFrames.set(0);
        badSalts.set(0);
        newSessions.set(0);
        transportErrors.set(0);
    }

    CallRule match(TlMethod<?> method, Action... actions) {
        for (CallRule rule : callRules) {
            if (List.of(actions).contains(rule.action) && rule.remaining.get() > 0 && rule.matcher.test(method) && rule.take()) {
                if (rule.remaining.get() == 0) {
                    callRules.remove(rule);
                }
                return rule;
            }
        }
        return null;
    }

    static boolean takeOne(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n <= 0) {
                return false;
            }
            if (counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }
}
