package dev.mtproto.session;

import java.util.ArrayList;
import java.util.List;

/**
 * What the end of a connection means for the calls in flight, which of them may go in a new session when
 * the DC forgot the key, and failing them all when the session closes (https://core.telegram.org/mtproto/description: a server that cannot tell a
 * message's msg_id from a new one, as in a new session, runs it again).
 *
 * <p>A connection lost the ordinary way may have carried a call to the server: each call sent and not
 * answered is marked {@linkplain OutgoingCall#mayHaveReachedServer() possibly received} and asked about on
 * the next connection. A connection the DC closed with transport error -404 could not be read by it
 * (https://core.telegram.org/mtproto/mtproto-transports, "Transport errors"), so what went only on that
 * connection did not reach it; such calls may go again under a new key. A call that may have reached the
 * server on an earlier connection, and every call waiting in a session left earlier, fails instead with
 * {@link OutcomeUnknownException}: a new session could not tell it from a new call.
 */
final class ConnectionLoss {
    private final SessionParts parts;

    ConnectionLoss(SessionParts parts) {
        this.parts = parts;
    }

    /**
     * The connection ended: calls sent and unanswered stay in flight, to be asked about on the next one
     * ({@code msgs_state_req}); service messages are not resent.
     *
     * @param readByServer whether the server may have read what was sent on it ({@code false} after -404)
     */
    void lost(boolean readByServer, long nowSeconds) {
        List<Outgoing> unanswered = parts.sent().takeEverything();
        unanswered.removeIf(o -> !o.isCall());
        if (readByServer) {
            unanswered.forEach(o -> o.call.markPossiblyReceived());
            parts.packer().forEachQueued(o -> {
                if (o.isCall() && o.msgId != 0 && o.keepIdOnResend) {
                    o.call.markPossiblyReceived(); // waiting to go again with the msg_id the server may have
                }
            });
        }
        parts.packer().reintroduce();
        parts.service().probe(unanswered, nowSeconds);
    }

    /** The session closes: every call not answered yet fails with {@link SessionClosedException}. */
    void failAll(String reason) {
        List<Outgoing> all = parts.packer().drain();
        all.addAll(parts.sent().takeEverything());
        all.addAll(parts.abandoned().takeAll());
        for (Outgoing o : all) {
            if (o.isCall()) {
                parts.events().error(o.call, new SessionClosedException(reason, o.call.transmitted()));
            }
        }
    }

    /**
     * Every call not answered yet (queued, sent, or waiting in a session left earlier), in the order they
     * were made, taken out of the session without failing.
     */
    List<OutgoingCall<?>> takeAll() {
        List<Outgoing> all = parts.abandoned().takeAll();
        all.addAll(parts.sent().takeEverything());
        all.addAll(parts.packer().drain());
        List<OutgoingCall<?>> calls = new ArrayList<>();
        for (Outgoing o : all) {
            if (o.isCall()) {
                o.call.outgoing = null;
                calls.add(o.call);
            }
        }
        return calls;
    }

    /**
     * The DC forgot the key: takes out the calls that may go in a session under a new key, and fails (through
     * the session's events) those the server may have: a call waiting in a session left earlier, and one that
     * {@linkplain OutgoingCall#mayHaveReachedServer() may have reached it}.
     *
     * @return the calls to send again, in the order they were made
     */
    List<OutgoingCall<?>> takeForNewKey() {
        List<Outgoing> left = parts.abandoned().takeAll();
        for (Outgoing o : left) {
            if (o.isCall()) {
                o.call.outgoing = null;
                parts.events().error(o.call, new OutcomeUnknownException(o.call.name(),
                        "it was sent in a session left earlier, and the DC has since forgotten the key"));
            }
        }
        List<OutgoingCall<?>> again = new ArrayList<>();
        for (OutgoingCall<?> call : takeAll()) {
            if (call.mayHaveReachedServer()) {
                parts.events().error(call, new OutcomeUnknownException(call.name(),
                        "it may have reached the DC on an earlier connection, and the DC has since forgotten the key"));
            } else {
                again.add(call);
            }
        }
        return again;
    }
}
