package dev.mtproto.session;

import dev.mtproto.tl.TlMethod;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One call made through a {@link ClientSession}: the function, where its result goes, and its deadline.
 *
 * <p>The session never completes {@link #future()} itself: it reports to its {@link SessionListener},
 * which completes the future on a thread of its choosing, so that user code never runs on a connection's
 * read loop.
 *
 * @param <R> the result type
 */
public final class OutgoingCall<R> {
    private final TlMethod<R> method;
    private final String name;
    private final long deadlineNanos;
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private volatile boolean acknowledged;
    private volatile boolean transmitted;
    private volatile boolean possiblyReceived;
    Outgoing outgoing;

    /**
     * @param method the function to call (possibly wrapped, e.g. in {@code invokeWithLayer})
     * @param name the name to report in errors and metrics, usually the unwrapped function's TL name
     * @param deadlineNanos the {@link System#nanoTime()} after which the call fails with
     *     {@link RequestTimeoutException}; {@link Long#MAX_VALUE} for none
     */
    public OutgoingCall(TlMethod<R> method, String name, long deadlineNanos) {
        this.method = Objects.requireNonNull(method, "method");
        this.name = Objects.requireNonNull(name, "name");
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * @param method the function to call
     * @param <R> its result type
     * @return a call named after the function, without a deadline
     */
    public static <R> OutgoingCall<R> of(TlMethod<R> method) {
        return new OutgoingCall<>(method, method.tlName(), Long.MAX_VALUE);
    }

    /**
     * @param timeout how long from now a call may take
     * @return the {@link System#nanoTime()} deadline that far away, or {@link Long#MAX_VALUE} (none) for
     *     timeouts of a century or more
     */
    public static long deadlineAfter(java.time.Duration timeout) {
        long nanos = timeout.compareTo(java.time.Duration.ofNanos(Long.MAX_VALUE / 2)) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
        // nanoTime deadlines are compared by difference, which stays right for anything under 2^63 ns away
        return nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
    }


    /** @return the function sent */
    public TlMethod<R> method() {
        return method;
    }

    /** @return the name reported in errors and metrics */
    public String name() {
        return name;
    }

    /** @return the deadline, in {@link System#nanoTime()} terms */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * Overflow-safe, whatever the sign of {@link System#nanoTime()}: a call without deadline
     * ({@link Long#MAX_VALUE}) is never overdue.
     *
     * @param nowNanos the current {@link System#nanoTime()}
     * @return whether the deadline has passed
     */
    public boolean isOverdue(long nowNanos) {
        return deadlineNanos != Long.MAX_VALUE && nowNanos - deadlineNanos > 0;
    }

    /** @return the future the session's listener completes */
    public CompletableFuture<R> future() {
        return future;
    }

    /** @return whether the server acknowledged receiving the call ({@code msgs_ack}) */
    public boolean acknowledged() {
        return acknowledged;
    }

    void markAcknowledged() {
        acknowledged = true;
    }

    /**
     * @return whether the call was ever given a msg_id to go out with, in this session or one it was moved
     *     from; if not, the server cannot have run it
     */
    public boolean transmitted() {
        return transmitted;
    }

    void markTransmitted() {
        transmitted = true;
    }

    /**
     * Whether the server may have this call: it was acknowledged, or it was sent on a connection that was then
     * lost (not refused with transport error -404, which says the DC could not read what came on it), and the
     * server has not said since that it never received it ({@code msgs_state_info} "not received"). Such a
     * call is never sent again in a new session (under a new key), where the server could not tell it from a
     * new call and would run it twice.
     *
     * @return whether the server may have received (and run) the call
     */
    public boolean mayHaveReachedServer() {
        return possiblyReceived || acknowledged;
    }

    void markPossiblyReceived() {
        possiblyReceived = true;
    }

    /** The server said it never received the call under the msg_id it was last sent with. */
    void markNotReceived() {
        possiblyReceived = false;
    }

    /** @return the msg_id the call was last sent with, or 0 if it was not sent yet */
    public long msgId() {
        Outgoing o = outgoing;
        return o == null ? 0 : o.msgId;
    }

    @Override
    public String toString() {
        return "OutgoingCall{" + name + ", msgId=" + msgId() + "}";
    }
}
