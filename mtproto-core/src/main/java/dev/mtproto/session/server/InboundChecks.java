package dev.mtproto.session.server;

import dev.mtproto.session.MessageIdClock;
import dev.mtproto.tl.mtproto.HttpWait;
import dev.mtproto.tl.mtproto.MsgDetailedInfo;
import dev.mtproto.tl.mtproto.MsgNewDetailedInfo;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.MsgsAllInfo;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.PingDelayDisconnect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks a DC makes on each client message before acting on it, each failure named by its
 * {@code bad_msg_notification} code (https://core.telegram.org/mtproto/service_messages_about_messages).
 * A code of 0 means the message passed. Where Telegram is known to be lenient ({@link Leniency}), a lenient
 * session lets the message pass and reports it; a strict one refuses it.
 */
final class InboundChecks {
    private static final Logger LOG = LoggerFactory.getLogger(InboundChecks.class);

    private final ServerSessionSettings settings;

    InboundChecks(ServerSessionSettings settings) {
        this.settings = settings;
    }

    /**
     * @param msgId a client msg_id
     * @param nowSeconds the DC's time
     * @return 18 if not divisible by 4, 16 if more than 300 s old, 17 if more than 30 s ahead, else 0
     */
    static int messageId(long msgId, long nowSeconds) {
        if ((msgId & 3) != 0) {
            return 18;
        }
        long at = MessageIdClock.secondsOf(msgId);
        if (at < nowSeconds - MessageIdClock.MAX_PAST_SECONDS) {
            return 16;
        }
        if (at > nowSeconds + MessageIdClock.MAX_FUTURE_SECONDS) {
            return 17;
        }
        return 0;
    }

    /**
     * @param msgId a container's msg_id
     * @param seqNo its seqno
     * @return 34 if it is odd (a container needs no acknowledgement) and checks are strict, else 0
     */
    int containerSeqNo(long msgId, int seqNo) {
        return (seqNo & 1) != 0 ? lenient(Leniency.ODD_SEQNO_CONTAINER, msgId, seqNo) : 0;
    }

    /**
     * Checks the parity of a message's seqno against what its body is: odd for a content-related message
     * (one that needs an acknowledgement: calls and service queries), even for one that does not. Pings
     * may come with either: the docs say they need no acknowledgement, yet they are queries answered with
     * {@code pong}, and clients in wide use send them both ways; Telegram takes both.
     *
     * @param msgId the message's id
     * @param constructorId the constructor of its body
     * @param seqNo its seqno
     * @return 35 for a content-related message with an even seqno; 34 for one needing no acknowledgement
     *     with an odd seqno, when checks are strict; else 0
     */
    int seqNoParity(long msgId, int constructorId, int seqNo) {
        boolean odd = (seqNo & 1) == 1;
        if (constructorId == Ping.CONSTRUCTOR_ID || constructorId == PingDelayDisconnect.CONSTRUCTOR_ID) {
            return 0;
        }
        if (needsNoAcknowledgement(constructorId)) {
            return odd ? lenient(Leniency.ODD_SEQNO_WITHOUT_CONTENT, msgId, seqNo) : 0;
        }
        return odd ? 0 : 35;
    }

    /**
     * Checks that seqnos grow with msg_ids: a seqno too low (32) is refused, as Telegram does; one too high
     * (33) only when checks are strict.
     *
     * @param order the session's recent seqnos
     * @param msgId a new message's id
     * @param seqNo its seqno
     * @return 32, 33 or 0
     */
    int seqNoOrder(SeqNoOrder order, long msgId, int seqNo) {
        int code = order.check(msgId, seqNo);
        return code == 33 ? lenient(Leniency.SEQNO_TOO_HIGH, msgId, seqNo) : code;
    }

    /** @return whether a client message with this body needs no acknowledgement (is not content-related) */
    static boolean needsNoAcknowledgement(int constructorId) {
        return switch (constructorId) {
            case MsgsAck.CONSTRUCTOR_ID, HttpWait.CONSTRUCTOR_ID, MsgsStateInfo.CONSTRUCTOR_ID, MsgsAllInfo.CONSTRUCTOR_ID,
                    MsgDetailedInfo.CONSTRUCTOR_ID, MsgNewDetailedInfo.CONSTRUCTOR_ID -> true;
            default -> false;
        };
    }

    /** @return the leniency's code when checks are strict; else 0, reporting that the message was let pass */
    private int lenient(Leniency kind, long msgId, int seqNo) {
        if (settings.strictChecks()) {
            return kind.badMsgCode();
        }
        LOG.debug("letting msg_id {} (seqno {}) pass: {}", msgId, seqNo, kind);
        settings.leniencyListener().accept(kind);
        return 0;
    }
}
