package dev.mtproto.session.server;

import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.SeqNoCounter;
import dev.mtproto.tl.api.UpdatesTooLong;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a server session has to send, and what it sent that the client has not acknowledged yet (kept for
 * resending after a reconnect or a {@code msg_resend_req}). Both together are bounded by count and bytes:
 * past a bound the oldest messages are dropped, and if pushed updates were among them one
 * {@code updatesTooLong} goes out first, so the client fetches what it missed. Messages get their msg_id
 * and seqno when first sent, except those stamped when queued (answers, which {@code rpc_answer_dropped}
 * must be able to name). Not thread-safe.
 */
final class OutboundQueue {
    private static final byte[] UPDATES_TOO_LONG = UpdatesTooLong.INSTANCE.toByteArray();

    private final MessageIdClock clock;
    private final SeqNoCounter seqNo;
    private final int maxMessages;
    private final long maxBytes;
    private final ArrayDeque<OutboundMessage> waiting = new ArrayDeque<>();
    private final Map<Long, OutboundMessage> unacknowledged = new LinkedHashMap<>();
    private long bytes;
    private long dropped;

    OutboundQueue(MessageIdClock clock, SeqNoCounter seqNo, int maxMessages, long maxBytes) {
        this.clock = clock;
        this.seqNo = seqNo;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Queues a message; it gets its msg_id and seqno when first sent. */
    void add(OutboundMessage message) {
        waiting.add(message);
        bytes += message.body.length;
        enforceLimits();
    }

    /** Queues a message with its msg_id and seqno given now. */
    void addStamped(OutboundMessage message) {
        stamp(message);
        add(message);
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** @return how many messages were dropped because the queue was full */
    long dropped() {
        return dropped;
    }

    /**
     * Takes the messages of the next packet, in order, giving each without one its msg_id and seqno;
     * content-related ones are kept until acknowledged.
     *
     * @param maxCount the most messages
     * @param maxBatchBytes the most bytes of bodies (plus 16 per message); the first message is taken whatever its size
     * @return the messages, empty when nothing waits
     */
    List<OutboundMessage> nextBatch(int maxCount, int maxBatchBytes) {
        List<OutboundMessage> batch = new ArrayList<>();
        int size = 0;
        while (!waiting.isEmpty() && batch.size() < maxCount) {
            OutboundMessage next = waiting.peek();
            if (!batch.isEmpty() && size + next.body.length + 16 > maxBatchBytes) {
                break;
            }
            batch.add(waiting.poll());
            size += next.body.length + 16;
        }
        for (OutboundMessage m : batch) {
            if (m.msgId == 0) {
                stamp(m);
            }
            if (m.contentRelated) {
                unacknowledged.put(m.msgId, m);
            } else {
                bytes -= m.body.length;
            }
        }
        return batch;
    }

    /**
     * @param msgId a server msg_id the client acknowledged
     * @return the message it acknowledged, or {@code null} if none is kept
     */
    OutboundMessage acknowledge(long msgId) {
        OutboundMessage m = unacknowledged.remove(msgId);
        if (m != null) {
            bytes -= m.body.length;
        }
        return m;
    }

    /**
     * Sends a message again on the client's request.
     *
     * @param msgId a server msg_id
     * @return whether the message is kept: sent and not acknowledged (it is queued again), or still waiting
     */
    boolean resend(long msgId) {
        OutboundMessage m = unacknowledged.remove(msgId);
        if (m != null) {
            waiting.add(m);
            return true;
        }
        return waiting.stream().anyMatch(w -> w.msgId == msgId && msgId != 0);
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
     * @return the answer removed (the last copy if it was queued more than once), or {@code null}
     */
    OutboundMessage removeAnswer(long requestMsgId) {
        OutboundMessage removed = null;
        for (Iterator<OutboundMessage> it = all(); it.hasNext(); ) {
            OutboundMessage m = it.next();
            if (m.answers == requestMsgId) {
                it.remove();
                bytes -= m.body.length;
                removed = m;
            }
        }
        return removed;
    }

    void forgetUnacknowledged() {
        unacknowledged.values().forEach(m -> bytes -= m.body.length);
        unacknowledged.clear();
    }

    List<Long> unacknowledgedIds() {
        return List.copyOf(unacknowledged.keySet());
    }

    private void stamp(OutboundMessage m) {
        m.msgId = clock.nextServerId(m.response);
        m.seqNo = seqNo.next(m.contentRelated);
    }

    /** Drops the oldest messages (sent ones first) while a bound is passed, keeping at least the newest. */
    private void enforceLimits() {
        boolean updatesLost = false;
        for (Iterator<OutboundMessage> it = all(); it.hasNext() && count() > 1 && (count() > maxMessages || bytes > maxBytes); ) {
            OutboundMessage m = it.next();
            if (m.kind == OutboundMessage.Kind.UPDATES_GAP) {
                continue;
            }
            it.remove();
            bytes -= m.body.length;
            dropped++;
            updatesLost |= m.kind == OutboundMessage.Kind.UPDATE;
        }
        if (updatesLost && waiting.stream().noneMatch(m -> m.kind == OutboundMessage.Kind.UPDATES_GAP)) {
            waiting.addFirst(new OutboundMessage(UPDATES_TOO_LONG, true, false, OutboundMessage.Kind.UPDATES_GAP, 0));
            bytes += UPDATES_TOO_LONG.length;
        }
    }

    private int count() {
        return waiting.size() + unacknowledged.size();
    }

    /** @return the sent messages, then the waiting ones, oldest first; removal allowed */
    private Iterator<OutboundMessage> all() {
        Iterator<OutboundMessage> sent = unacknowledged.values().iterator();
        Iterator<OutboundMessage> queued = waiting.iterator();
        return new Iterator<>() {
            private Iterator<OutboundMessage> current = sent;

            @Override
            public boolean hasNext() {
                if (current == sent && !sent.hasNext()) {
                    current = queued;
                }
                return current.hasNext();
            }

            @Override
            public OutboundMessage next() {
                hasNext();
                return current.next();
            }

            @Override
            public void remove() {
                current.remove();
            }
        };
    }
}
