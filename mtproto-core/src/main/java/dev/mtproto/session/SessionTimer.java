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

    private final SentMessages sent;
    private final OutboundPacker packer;
    private final ServiceMessages service;
    private final AbandonedSessions abandoned;
    private final SessionEvents events;

    SessionTimer(SentMessages sent, OutboundPacker packer, ServiceMessages service, AbandonedSessions abandoned,
            SessionEvents events) {
        this.sent = sent;
        this.packer = packer;
        this.service = service;
        this.abandoned = abandoned;
        this.events = events;
    }

    /**
     * @param nowNanos the current {@link System#nanoTime()}, for deadlines
     * @param nowSeconds the server's time now, in seconds, for probes and the replay window
     */
    void run(long nowNanos, long nowSeconds) {
        List<Outgoing> overdue = packer.takeOverdue(nowNanos);
        overdue.addAll(sent.expire(nowNanos, nowSeconds));
        for (Outgoing o : overdue) {
            events.error(o.call, new RequestTimeoutException(o.call.name(), o.call.transmitted(), o.call.acknowledged()));
        }
        abandoned.expire(nowNanos);
        abandoned.destroyFinished(packer, service);
        service.probe(sent.takeAll(o -> o.isCall() && nowSeconds - o.sentAtSeconds >= PROBE_AFTER_SECONDS
                && nowSeconds - o.probedAtSeconds >= PROBE_AFTER_SECONDS), nowSeconds);
        service.window().forgetOlderThan((nowSeconds - 2 * MessageIdClock.MAX_PAST_SECONDS) << 32);
    }
}
