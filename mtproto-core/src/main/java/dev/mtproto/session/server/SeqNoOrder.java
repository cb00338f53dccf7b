package dev.mtproto.session.server;

import java.util.Map;
import java.util.TreeMap;

/**
 * The seqnos of the last client messages of a session, by msg_id, to check that seqnos grow with msg_ids
 * (https://core.telegram.org/mtproto/service_messages_about_messages): 32 when a message with a lower
 * msg_id came with a higher seqno (or the same odd one), 33 when one with a higher msg_id came with a
 * lower seqno (or the same odd one). Bounded; not thread-safe.
 */
final class SeqNoOrder {
    /** How many messages are remembered; older ones are no longer compared with. */
    static final int REMEMBERED = 1024;

    private final TreeMap<Long, Integer> seen = new TreeMap<>();

    /**
     * @param msgId a new message's id
     * @param seqNo its seqno
     * @return 32 if its seqno is too low, 33 if too high, else 0
     */
    int check(long msgId, int seqNo) {
        Map.Entry<Long, Integer> lower = seen.lowerEntry(msgId);
        if (lower != null && conflicts(seqNo, lower.getValue())) {
            return 32;
        }
        Map.Entry<Long, Integer> higher = seen.higherEntry(msgId);
        if (higher != null && conflicts(higher.getValue(), seqNo)) {
            return 33;
        }
        return 0;
    }

    /** Remembers an accepted message. */
    void record(long msgId, int seqNo) {
        seen.put(msgId, seqNo);
        if (seen.size() > REMEMBERED) {
            seen.pollFirstEntry();
        }
    }

    /** @return whether a later message's seqno is below an earlier one's, or repeats an odd one */
    private static boolean conflicts(int later, int earlier) {
        return later < earlier || (later == earlier && (later & 1) == 1);
    }
}
