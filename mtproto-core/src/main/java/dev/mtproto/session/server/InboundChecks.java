package dev.mtproto.session.server;

import dev.mtproto.session.MessageIdClock;
import dev.mtproto.tl.mtproto.MsgsAck;

/**
 * The checks a DC makes on each client message before acting on it, each failure named by its
 * {@code bad_msg_notification} code (https://core.telegram.org/mtproto/service_messages_about_messages).
 * A code of 0 means the message passed.
 */
final class InboundChecks {
    private InboundChecks() {
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
     * @param seqNo a container's seqno
     * @return 34 if it is odd (a container is not content-related), else 0
     */
    static int containerSeqNo(int seqNo) {
        return (seqNo & 1) != 0 ? 34 : 0;
    }

    /**
     * @param constructorId the constructor of a message's body
     * @param seqNo its seqno
     * @return 35 for a content-related message with an even seqno, 34 for an acknowledgement with an odd one, else 0
     */
    static int seqNoParity(int constructorId, int seqNo) {
        boolean contentRelated = constructorId != MsgsAck.CONSTRUCTOR_ID;
        if (contentRelated != ((seqNo & 1) == 1)) {
            return contentRelated ? 35 : 34;
        }
        return 0;
    }
}
