package dev.mtproto.session.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a server session has to send, and what it sent that the client has not acknowledged yet (kept for
 * resending after a reconnect or a {@code msg_resend_req}). Not thread-safe.
 */
final class OutboundQueue {
    /** The most sent messages kept for resending while the client does not acknowledge them. */
    static final int UNACKNOWLEDGED_LIMIT = 8192;

    private final ArrayDeque<OutboundMessage> waiting = new ArrayDeque<>();
    private final Map<Long, OutboundMessage> unacknowledged = new LinkedHashMap<>();

    void add(OutboundMessage message) {
        waiting.add(message);
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /**
     * Takes the messages of the next packet, in order; content-related ones are kept until acknowledged.
     *
     * @param maxMessages the most messages
     * @param maxBytes the most bytes of bodies (plus 16 per message); the first message is taken whatever its size
     * @param stamp gives a message without one its msg_id and seqno
     * @return the messages, empty when nothing waits
     */
    List<OutboundMessage> nextBatch(int maxMessages, int maxBytes, java.util.function.Consumer<OutboundMessage> stamp) {
        List<OutboundMessage> batch = new ArrayList<>();
        int bytes = 0;
        while (!waiting.isEmpty() && batch.size() < maxMessages) {
            OutboundMessage next = waiting.peek();
            if (!batch.isEmpty() && bytes + next.body.length + 16 > maxBytes) {
                break;
            }
            batch.add(waiting.poll());
            bytes += next.body.length + 16;
        }
        for (OutboundMessage m : batch) {
            if (m.msgId == 0) {
                stamp.accept(m);
            }
            if (m.contentRelated) {
                unacknowledged.put(m.msgId, m);
            }
        }
        for (Iterator<Long> it = unacknowledged.keySet().iterator(); unacknowledged.size() > UNACKNOWLEDGED_LIMIT; ) {
            it.next(); // a client that never acknowledges: forget the oldest rather than grow without end
            it.remove();
        }
        return batch;
    }

    /**
     * @param msgId a server msg_id the client acknowledged
     * @return the message it acknowledged, or {@code null} if none is kept
     */
    OutboundMessage acknowledge(long msgId) {
        return unacknowledged.remove(msgId);
    }

    /**
     * Sends a message again on the client's request.
     *
     * @param msgId a server msg_id
     * @return whether the message was kept (sent, not acknowledged)
     */
    boolean resend(long msgId) {
        OutboundMessage m = unacknowledged.remove(msgId);
        if (m != null) {
            waiting.add(m);
        }
        return m != null;
    }

    /** The client reconnected: what it has not acknowledged goes out again first, with the same msg_ids. */
    void requeueUnacknowledged() {
        List<OutboundMessage> again = new ArrayList<>(unacknowledged.values());
        unacknowledged.clear();
        for (int i = again.size() - 1; i >= 0; i--) {
            waiting.addFirst(again.get(i));
        }
    }

    /**
     * Takes the answer to a request out of the queue, wherever it is.
     *
     * @param requestMsgId the request's msg_id
     * @return the answer removed (sent ones are preferred: they have their msg_id and seqno), or {@code null}
     */
    OutboundMessage removeAnswer(long requestMsgId) {
        OutboundMessage removed = null;
        for (Iterator<OutboundMessage> it = waiting.iterator(); it.hasNext(); ) {
            OutboundMessage m = it.next();
            if (m.answers == requestMsgId) {
                it.remove();
                removed = m;
            }
        }
        for (Iterator<OutboundMessage> it = unacknowledged.values().iterator(); it.hasNext(); ) {
            OutboundMessage m = it.next();
            if (m.answers == requestMsgId) {
                it.remove();
                removed = m;
            }
        }
        return removed;
    }

    void forgetUnacknowledged() {
        unacknowledged.clear();
    }

    List<Long> unacknowledgedIds() {
        return List.copyOf(unacknowledged.keySet());
    }
}
