package dev.mtproto.session;

/**
 * The parts of one client session that the work on its calls as a whole shares ({@link ConnectionLoss},
 * {@link SessionTimer}, {@link OutgoingCalls}): what was sent, what is queued, the service side, the sessions
 * left earlier, and the listener's events. All belong to one {@link ClientSession} and follow its locking.
 *
 * <p>A class, not a record: the session's footprint test walks the object graph with JOL, which cannot read a
 * record's fields on JDK 17.
 */
final class SessionParts {
    private final SentMessages sent;
    private final OutboundPacker packer;
    private final ServiceMessages service;
    private final AbandonedSessions abandoned;
    private final SessionEvents events;

    /**
     * @param sent messages sent and waiting for an answer
     * @param packer the outbound queue and packet builder
     * @param service what server messages mean for the current session
     * @param abandoned sessions left earlier whose calls still wait
     * @param events the listener's pending callbacks
     */
    SessionParts(SentMessages sent, OutboundPacker packer, ServiceMessages service, AbandonedSessions abandoned,
            SessionEvents events) {
        this.sent = sent;
        this.packer = packer;
        this.service = service;
        this.abandoned = abandoned;
        this.events = events;
    }

    SentMessages sent() {
        return sent;
    }

    OutboundPacker packer() {
        return packer;
    }

    ServiceMessages service() {
        return service;
    }

    AbandonedSessions abandoned() {
        return abandoned;
    }

    SessionEvents events() {
        return events;
    }
}
