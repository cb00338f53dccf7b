package dev.mtproto.session;

import dev.mtproto.tl.TlLongList;
import dev.mtproto.tl.mtproto.MsgResendAnsReq;
import dev.mtproto.tl.mtproto.MsgResendReq;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's side of the messages about messages (https://core.telegram.org/mtproto/service_messages_about_messages):
 * asking the server what became of calls ({@code msgs_state_req}) and acting on its answer, answering its state
 * and resend requests, and acting on {@code msg_detailed_info}. Part of {@link ServiceMessages}; {@code window} is
 * the current session's replay window (what was received from the server).
 */
final class MessageStates {
    private final SentMessages sent;
    private final OutboundPacker packer;
    private final MessageIdClock clock;
    private final SessionEvents events;
    MessageStates(SentMessages sent, OutboundPacker packer, MessageIdClock clock, SessionEvents events) {
        this.sent = sent;
        this.packer = packer;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Asks the server what became of calls that may have reached it ({@code msgs_state_req}); they stay
     * in flight meanwhile, and the answer decides ({@link #stateInfo}).
     */
    void probe(List<Outgoing> calls, long nowSeconds) {
        if (calls.isEmpty()) {
            return;
        }
        long[] ids = new long[calls.size()];
        for (int i = 0; i < ids.length; i++) {
            Outgoing o = calls.get(i);
            o.probedAtSeconds = nowSeconds;
            sent.keep(o);
            ids[i] = o.msgId;
        }
        Outgoing request = new Outgoing(null, new MsgsStateReq(TlLongList.of(ids)).toByteArray(), true);
        request.probes = ids;
        packer.add(request);
    }

    /**
     * The answer to one of our {@code msgs_state_req}: received (4) means wait, and ask for the answer again
     * if the server says it exists (+64); not received (2, 3) means it can go again under a new msg_id;
     * unknown (1) means its outcome cannot be known.
     */
    void stateInfo(MsgsStateInfo info) {
        Outgoing request = sent.take(info.reqMsgId());
        if (request == null || request.probes == null) {
            return;
        }
        byte[] states = info.info();
        List<Outgoing> again = new ArrayList<>();
        List<Long> answersWanted = new ArrayList<>();
        for (int i = 0; i < Math.min(states.length, request.probes.length); i++) {
            long id = request.probes[i];
            Outgoing o = sent.get(id);
            if (o == null || !o.isCall()) {
                continue;
            }
            int state = states[i] & 0xff;
            switch (state & 7) {
                case 4 -> {
                    o.call.markAcknowledged();
                    if ((state & 64) != 0) {
                        answersWanted.add(id);
                    }
                }
                case 2, 3 -> {
                    o.call.markNotReceived();
                    again.add(sent.take(id));
                }
                case 1 -> {
                    sent.forget(id);
                    events.error(o.call, new OutcomeUnknownException(o.call.name(), "the server can no longer tell about it"));
                }
                default -> {
                }
            }
        }
        packer.requeue(again, false);
        if (!answersWanted.isEmpty()) {
            packer.addService(new MsgResendAnsReq(TlLongList.of(answersWanted.stream().mapToLong(Long::longValue).toArray())));
        }
    }

    /**
     * Answers {@code msgs_state_req} (https://core.telegram.org/mtproto/service_messages_about_messages):
     * 4 received, +8 if our ack already left, +16 if it needed none; 1 older than we remember; 3 ahead of
     * the time window; 2 not received.
     */
    void stateRequest(long requestId, List<Long> ids, ReceivedMessageIds window) {
        byte[] info = new byte[ids.size()];
        long nowSeconds = clock.serverMillis() / 1000;
        for (int i = 0; i < info.length; i++) {
            long id = ids.get(i);
            if (window.contains(id)) {
                info[i] = (byte) (4 + (!window.isMarked(id) ? 16 : packer.ackPending(id) ? 0 : 8));
            } else if (id <= window.floor()) {
                info[i] = 1;
            } else if (MessageIdClock.secondsOf(id) > nowSeconds + MessageIdClock.MAX_FUTURE_SECONDS) {
                info[i] = 3;
            } else {
                info[i] = 2;
            }
        }
        packer.addService(new MsgsStateInfo(requestId, info));
    }

    /**
     * {@code msg_resend_req}: our messages still waiting for an answer go out again with their msg_ids;
     * if any id is not such a message, the request is answered as a {@code msgs_state_req} for all of them.
     */
    void resendRequest(long requestId, List<Long> ids, ReceivedMessageIds window) {
        List<Outgoing> again = new ArrayList<>();
        for (Long id : ids) {
            Outgoing o = sent.take(id);
            if (o != null) {
                again.add(o);
            }
        }
        packer.requeue(again, true);
        if (again.size() != ids.size()) {
            stateRequest(requestId, ids, window);
        }
    }

    void detailedInfo(long answerMsgId, ReceivedMessageIds window) {
        if (window.contains(answerMsgId)) {
            packer.ack(answerMsgId);
        } else {
            packer.addService(new MsgResendReq(TlLongList.of(answerMsgId)));
        }
    }
}
