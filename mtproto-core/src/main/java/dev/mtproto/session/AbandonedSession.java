package dev.mtproto.session;

import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A session we left for a new one while calls sent in it may still be running on the server. Its frames
 * are still accepted, with their own replay window and the same checks, for the answers ({@code rpc_result})
 * and acks of those calls; nothing else from it is used, and nothing more is sent in it. Once no call of it
 * waits, the server is asked to forget it ({@code destroy_session}).
 */
final class AbandonedSession implements InboundUnpacker.Inbox {
    private final long id;
    private final ReceivedMessageIds received;
    private final Map<Long, Outgoing> waiting = new HashMap<>();
    private final SessionEvents events;

    AbandonedSession(long id, List<Outgoing> calls, int replayWindow, SessionEvents events) {
        this.id = id;
        this.received = new ReceivedMessageIds(replayWindow);
        this.events = events;
        for (Outgoing o : calls) {
            waiting.put(o.msgId, o);
        }
    }

    long id() {
        return id;
    }

    boolean isDone() {
        return waiting.isEmpty();
    }

    int calls() {
        return waiting.size();
    }

    @Override
    public ReceivedMessageIds window() {
        return received;
    }

    @Override
    public void contentRelated(long msgId) {
        // nothing is sent in an abandoned session, acks neither: the server forgets it with destroy_session
    }

    @Override
    public boolean isOurs(long msgId) {
        return waiting.containsKey(msgId);
    }

    @Override
    public void message(long msgId, int seqNo, int constructorId, byte[] b, int off, int len) {
        if (constructorId == RpcResult.CONSTRUCTOR_ID) {
            Outgoing o = waiting.remove(RpcResults.requestId(b, off, len));
            if (o == null) {
                events.dropped(DropReason.UNKNOWN_REQUEST, "rpc_result in an abandoned session for a call no longer waited for");
            } else {
                RpcResults.deliver(events, o.call, b, off, len, false);
            }
        } else if (constructorId == MsgsAck.CONSTRUCTOR_ID) {
            for (Long acked : MsgsAck.readBare(new TlReader(b, off + 4, len - 4)).msgIds()) {
                Outgoing o = waiting.get(acked);
                if (o != null) {
                    o.call.markAcknowledged();
                }
            }
        }
    }

    /** @return the calls past their deadline, taken out */
    List<Outgoing> expire(long nowNanos) {
        List<Outgoing> overdue = new ArrayList<>();
        for (Iterator<Outgoing> it = waiting.values().iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.call.isOverdue(nowNanos)) {
                it.remove();
                overdue.add(o);
            }
        }
        return overdue;
    }

    /** @return every call still waiting, taken out */
    List<Outgoing> takeAll() {
        List<Outgoing> all = new ArrayList<>(waiting.values());
        waiting.clear();
        return all;
    }
}
