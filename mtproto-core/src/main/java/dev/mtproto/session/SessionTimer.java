package dev.mtproto.session;

import java.util.List;

/**
 * The session's periodic work, run by its owner's timer ({@link ClientSession#expire}): calls past their deadline
 * fail, calls sent long ago and still unanswered are asked about ({@code msgs_state_req}), old received msg_ids
 * leave the replay window, and abandoned sessions nothing of which waits are destroyed.
 */
final class SessionTimer {
    /** A call sent this long ago and still unanswered is asked about ({@code msgs_state_req}), then again as often. */
    static final long PROBE_AFTER_SECONDS = 60;

    private final SessionParts parts;

    SessionTimer(SessionParts parts) {
        this.parts = parts;
    }

    /**
     * @param nowNanos the current {@link System#nanoTime()}, for deadlines
     * @param nowSeconds the server's time now, in seconds, for probes and the replay window
     */
    void run(long nowNanos, long nowSeconds) {
        List<Outgoing> overdue = parts.packer().takeOverdue(nowNanos);
        overdue.addAll(parts.sent().expire(nowNanos, nowSeconds));
        for (Outgoing o : overdue) {
            parts.events().error(o.call, new RequestTimeoutException(o.call.name(), o.call.transmitted(), o.call.acknowledged()));
        }
        parts.abandoned().expire(nowNanos);
        parts.abandoned().destroyFinished(parts.packer(), parts.service());
        parts.service().probe(parts.sent().takeAll(o -> o.isCall() && nowSeconds - o.sentAtSeconds >= PROBE_AFTER_SECONDS
                && nowSeconds - o.probedAtSeconds >= PROBE_AFTER_SECONDS), nowSeconds);
        parts.service().window().forgetOlderThan((nowSeconds - 2 * MessageIdClock.MAX_PAST_SECONDS) << 32);
    }
}
