package dev.mtproto.session.server;

import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.ReceivedMessageIds;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.DestroySession;
import dev.mtproto.tl.mtproto.DestroySessionNone;
import dev.mtproto.tl.mtproto.DestroySessionOk;
import dev.mtproto.tl.mtproto.FutureSalts;
import dev.mtproto.tl.mtproto.GetFutureSalts;
import dev.mtproto.tl.mtproto.HttpWait;
import dev.mtproto.tl.mtproto.MsgDetailedInfo;
import dev.mtproto.tl.mtproto.MsgNewDetailedInfo;
import dev.mtproto.tl.mtproto.MsgResendAnsReq;
import dev.mtproto.tl.mtproto.MsgResendReq;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.MsgsAllInfo;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.PingDelayDisconnect;
import dev.mtproto.tl.mtproto.Pong;
import dev.mtproto.tl.mtproto.RpcAnswerDropped;
import dev.mtproto.tl.mtproto.RpcAnswerDroppedRunning;
import dev.mtproto.tl.mtproto.RpcAnswerUnknown;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * What a DC answers itself, without the API handler (https://core.telegram.org/mtproto/service_messages,
 * /service_messages_about_messages): acknowledgements, {@code msgs_state_req}, {@code msg_resend_req},
 * {@code msg_resend_ans_req},
 * {@code ping}, {@code ping_delay_disconnect}, {@code get_future_salts}, {@code rpc_drop_answer} and
 * {@code destroy_session}; the client's informational messages are taken and ignored. Not thread-safe.
 */
final class ServiceMessages {
    private final long sessionId;
    private final OutboundQueue queue;
    private final Answers answers;
    private final CallRunner calls;
    private final ReceivedMessageIds received;
    private final ServerSaltSchedule salts;
    private final LongSupplier nowSeconds;
    private LongPredicate otherSessions = id -> false;
    private int pingDisconnectDelay;
    private boolean destroyed;
    /** The msg_id of the session's first client message, 0 before it came. */
    private long firstMsgId;

    ServiceMessages(long sessionId, OutboundQueue queue, Answers answers, CallRunner calls, ReceivedMessageIds received,
            ServerSaltSchedule salts, LongSupplier nowSeconds) {
        this.sessionId = sessionId;
        this.queue = queue;
        this.answers = answers;
        this.calls = calls;
        this.received = received;
        this.salts = salts;
        this.nowSeconds = nowSeconds;
    }

    void otherSessions(LongPredicate destroyer) {
        this.otherSessions = Objects.requireNonNull(destroyer, "destroyer");
    }

    /**
     * The session's first client message arrived (and {@code new_session_created} named it): a lower msg_id
     * of the same session id was sent to a session this one replaced, which it cannot tell about.
     */
    void began(long firstMsgId) {
        this.firstMsgId = firstMsgId;
    }

    int pingDisconnectDelay() {
        return pingDisconnectDelay;
    }

    boolean destroyed() {
        return destroyed;
    }

    /**
     * @param constructorId a message body's constructor
     * @return whether it is a service message read by {@link #onMessage}: one about messages, or
     *     {@code http_wait}
     */
    static boolean handles(int constructorId) {
        return switch (constructorId) {
            case MsgsAck.CONSTRUCTOR_ID, MsgsStateReq.CONSTRUCTOR_ID, MsgResendReq.CONSTRUCTOR_ID, MsgResendAnsReq.CONSTRUCTOR_ID,
                    MsgsStateInfo.CONSTRUCTOR_ID, MsgsAllInfo.CONSTRUCTOR_ID, MsgDetailedInfo.CONSTRUCTOR_ID,
                    MsgNewDetailedInfo.CONSTRUCTOR_ID, HttpWait.CONSTRUCTOR_ID -> true;
            default -> false;
        };
    }

    /**
     * Handles a service message about messages.
     *
     * @param msgId its msg_id
     * @param constructorId its constructor, one {@link #handles} accepts
     * @param r the rest of its body
     */
    void onMessage(long msgId, int constructorId, TlReader r) {
        switch (constructorId) {
            case MsgsAck.CONSTRUCTOR_ID -> {
                for (Long acked : MsgsAck.readBare(r).msgIds()) {
                    OutboundMessage m = queue.acknowledge(acked);
                    if (m != null && m.answers != 0) {
                        answers.forget(m.answers); // the client has it and will not ask again
                    }
                }
            }
            case MsgsStateReq.CONSTRUCTOR_ID -> {
                List<Long> ids = MsgsStateReq.readBare(r).msgIds();
                queue.add(OutboundMessage.service(new MsgsStateInfo(msgId, states(ids)).toByteArray(), true));
            }
            case MsgResendReq.CONSTRUCTOR_ID -> {
                // each message kept goes out again; if one is unknown (forgotten, never sent, or the client's
                // own: known from its parity), the state of every one is told as for msgs_state_req
                List<Long> wanted = MsgResendReq.readBare(r).msgIds();
                boolean allKept = true;
                for (Long id : wanted) {
                    allKept &= queue.resend(id);
                }
                if (!allKept) {
                    queue.add(OutboundMessage.service(new MsgsStateInfo(msgId, states(wanted)).toByteArray(), true));
                }
            }
            case MsgResendAnsReq.CONSTRUCTOR_ID -> {
                // the answers kept go out again; if one is not kept (still running, forgotten or never
                // received), the state of every one is told as for msgs_state_req
                List<Long> wanted = MsgResendAnsReq.readBare(r).msgIds();
                boolean allKept = true;
                for (Long id : wanted) {
                    boolean kept = answers.kept(id) != null;
                    allKept &= kept;
                    if (kept) {
                        answers.resend(id);
                    }
                }
                if (!allKept) {
                    queue.add(OutboundMessage.service(new MsgsStateInfo(msgId, states(wanted)).toByteArray(), true));
                }
            }
            default -> {
                // informational answers from the client, and http_wait (for HTTP only: no effect on TCP)
            }
        }
    }

    /**
     * Answers a service function, if the object is one.
     *
     * @param msgId the request's msg_id
     * @param object the decoded body
     * @return whether it was a service function answered here
     */
    boolean answer(long msgId, TlObject object) {
        if (object instanceof Ping ping) {
            queue.add(OutboundMessage.service(new Pong(msgId, ping.pingId()).toByteArray(), true));
        } else if (object instanceof PingDelayDisconnect ping) {
            pingDisconnectDelay = ping.disconnectDelay();
            queue.add(OutboundMessage.service(new Pong(msgId, ping.pingId()).toByteArray(), true));
        } else if (object instanceof GetFutureSalts get) {
            long now = nowSeconds.getAsLong();
            queue.add(OutboundMessage.service(new FutureSalts(msgId, (int) now, salts.announce(get.num(), now)).toByteArray(), true));
        } else if (object instanceof RpcDropAnswer drop) {
            answers.send(msgId, dropAnswer(drop.reqMsgId()));
        } else if (object instanceof DestroySession destroy) {
            long target = destroy.sessionId();
            boolean existed = target == sessionId || otherSessions.test(target);
            destroyed |= target == sessionId;
            answers.send(msgId, existed ? new DestroySessionOk(target) : new DestroySessionNone(target));
        } else {
            return false;
        }
        return true;
    }

    /**
     * Answers {@code rpc_drop_answer} (https://core.telegram.org/mtproto/service_messages): a request still
     * running is {@code rpc_answer_dropped_running} (and so is its own answer, later); an answer kept,
     * whether waiting to be sent or sent and not acknowledged, leaves the outgoing queue and is
     * {@code rpc_answer_dropped} with its msg_id, seqno and length; one acknowledged, or never made, is
     * {@code rpc_answer_unknown}.
     */
    private TlObject dropAnswer(long requestMsgId) {
        if (calls.dropWhileRunning(requestMsgId)) {
            return RpcAnswerDroppedRunning.INSTANCE;
        }
        OutboundMessage answer = answers.kept(requestMsgId);
        if (answer == null) {
            return RpcAnswerUnknown.INSTANCE;
        }
        answers.forget(requestMsgId);
        OutboundMessage removed = queue.removeAnswer(requestMsgId);
        OutboundMessage named = removed != null ? removed : answer;
        return new RpcAnswerDropped(named.msgId, named.seqNo, named.body.length);
    }

    /**
     * {@code msgs_state_info}: 4 received, +32 if it is a call being processed or answered, +64 if its answer
     * is kept (the client may ask for it again with {@code msg_resend_ans_req}); 1 below what the session
     * can still tell (older than the replay window or the time window, or sent before the session began: to
     * a session the DC forgot, which may have run it); 3 ahead of the time window; 2 not received.
     */
    private byte[] states(List<Long> ids) {
        byte[] info = new byte[ids.size()];
        long now = nowSeconds.getAsLong();
        for (int i = 0; i < info.length; i++) {
            info[i] = stateOf(ids.get(i), now);
        }
        return info;
    }

    private byte stateOf(long id, long now) {
        if (received.contains(id)) {
            if (answers.kept(id) != null) {
                return 4 | 32 | 64; // processed, and its answer is there to be asked for (msg_resend_ans_req)
            }
            return (byte) (calls.isRunning(id) ? 4 | 32 : 4);
        }
        long at = MessageIdClock.secondsOf(id);
        if (id <= received.floor() || id < firstMsgId || at < now - MessageIdClock.MAX_PAST_SECONDS) {
            return 1;
        }
        return (byte) (at > now + MessageIdClock.MAX_FUTURE_SECONDS ? 3 : 2);
    }
}
