package dev.mtproto.session;

import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A session we left for a new one while calls sent in it may still be running on the server. Its frames
 * are still accepted, with their own replay window and the same checks, for the answers ({@code rpc_result})
 * and acks of those calls, and for the server's refusals of them ({@code bad_msg_notification},
 * {@code bad_server_salt}, naming a call or its container): a refused call sent only once did not run and is
 * handed back to go in the current session; nothing else from it is used, and nothing more is sent in it. Once no call of it
 * waits, the server is asked to forget it ({@code destroy_session}).
 */
final class AbandonedSession implements InboundUnpacker.Inbox {
    private final long id;
    private final ReceivedMessageIds received;
    private final Map<Long, Outgoing> waiting = new HashMap<>();
    /** The msg_ids inside the containers that carried waiting calls, by container msg_id. */
    private final Map<Long, long[]> containers = new HashMap<>();
    private final SessionEvents events;
    private final Consumer<Outgoing> resend;

    /**
     * @param calls the calls sent in the session and not answered
     * @param sentContainers the containers the session sent, by msg_id (those holding none of the calls are not kept)
     * @param resend takes a refused call back to send it in the current session
     */
    AbandonedSession(long id, List<Outgoing> calls, Map<Long, long[]> sentContainers, int replayWindow, SessionEvents events,
            Consumer<Outgoing> resend) {
        this.id = id;
        this.received = new ReceivedMessageIds(replayWindow);
        this.events = events;
        this.resend = resend;
        for (Outgoing o : calls) {
            waiting.put(o.msgId, o);
        }
        sentContainers.forEach((container, inner) -> {
            for (long msgId : inner) {
                if (waiting.containsKey(msgId)) {
                    containers.put(container, inner);
                    return;
                }
            }
        });
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
        return waiting.containsKey(msgId) || containers.containsKey(msgId);
    }

    /** @return {@code false}: answers in a session left behind never move the clock */
    @Override
    public boolean sentSinceClockCorrection(long msgId) {
        return false;
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
        } else if (constructorId == BadMsgNotification.CONSTRUCTOR_ID) {
            refused(BadMsgNotification.readBare(new TlReader(b, off + 4, len - 4)).badMsgId());
        } else if (constructorId == BadServerSalt.CONSTRUCTOR_ID) {
            refused(BadServerSalt.readBare(new TlReader(b, off + 4, len - 4)).badMsgId());
        } else if (constructorId == MsgsAck.CONSTRUCTOR_ID) {
            for (Long acked : MsgsAck.readBare(new TlReader(b, off + 4, len - 4)).msgIds()) {
                Outgoing o = waiting.get(acked);
                if (o != null) {
                    o.call.markAcknowledged();
                }
            }
        }
    }

    /**
     * The server refused a message (or a container) of this session without running it: a call in it sent
     * only once goes in the current session; one sent more than once may have run before and keeps waiting.
     */
    private void refused(long badMsgId) {
        long[] inner = containers.remove(badMsgId);
        for (long msgId : inner != null ? inner : new long[] {badMsgId}) {
            Outgoing o = waiting.get(msgId);
            if (o != null && o.transmissions <= 1) {
                waiting.remove(msgId);
                resend.accept(o);
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
