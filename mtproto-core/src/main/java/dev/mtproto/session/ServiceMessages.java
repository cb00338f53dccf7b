package dev.mtproto.session;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlLongList;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.DestroySession;
import dev.mtproto.tl.mtproto.DestroySessionNone;
import dev.mtproto.tl.mtproto.DestroySessionOk;
import dev.mtproto.tl.mtproto.FutureSalt;
import dev.mtproto.tl.mtproto.FutureSalts;
import dev.mtproto.tl.mtproto.HttpWait;
import dev.mtproto.tl.mtproto.MsgDetailedInfo;
import dev.mtproto.tl.mtproto.MsgNewDetailedInfo;
import dev.mtproto.tl.mtproto.MsgResendReq;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.MsgsAllInfo;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.NewSessionCreated;
import dev.mtproto.tl.mtproto.Pong;
import dev.mtproto.tl.mtproto.RpcError;
import dev.mtproto.tl.mtproto.RpcResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the current session does with each message from the server: answers ({@code rpc_result},
 * {@code pong}, {@code future_salts}, {@code destroy_session_*}), acks, salts, {@code bad_msg_notification},
 * {@code new_session_created}, state and resend requests, detailed info; anything else is handed on as
 * pushed updates. https://core.telegram.org/mtproto/service_messages and /service_messages_about_messages.
 */
final class ServiceMessages implements InboundUnpacker.Inbox {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int ABANDONED_SESSIONS_REMEMBERED = 8;

    private final SentMessages sent;
    private final OutboundPacker packer;
    private final ServerSalts salts;
    private final MessageIdClock clock;
    private final SessionEvents events;
    private final int replayWindow;
    private ReceivedMessageIds received;
    /** Sessions this client abandoned and asked the server to forget; their answers are expected. */
    private final ArrayDeque<Long> abandonedSessions = new ArrayDeque<>(0);
    /** Set while a frame is processed when its messages call for a new session. */
    private SessionResetReason resetRequested;

    ServiceMessages(SentMessages sent, OutboundPacker packer, ServerSalts salts, MessageIdClock clock, SessionEvents events,
                    int replayWindow) {
        this.sent = sent;
        this.packer = packer;
        this.salts = salts;
        this.clock = clock;
        this.events = events;
        this.replayWindow = replayWindow;
        this.received = new ReceivedMessageIds(replayWindow);
    }

    @Override
    public ReceivedMessageIds window() {
        return received;
    }

    @Override
    public void contentRelated(long msgId) {
        packer.ack(msgId);
    }

    @Override
    public boolean isOurs(long msgId) {
        return sent.isOurs(msgId);
    }

    /** @return why the frame just processed calls for a new session, clearing it; or null */
    SessionResetReason takeResetRequest() {
        SessionResetReason reason = resetRequested;
        resetRequested = null;
        return reason;
    }

    /** A new session began: an empty replay window; the abandoned one's destroy_session answer is expected. */
    void newSession(long abandoned) {
        received = new ReceivedMessageIds(replayWindow);
        abandonedSessions.add(abandoned);
        if (abandonedSessions.size() > ABANDONED_SESSIONS_REMEMBERED) {
            abandonedSessions.removeFirst();
        }
    }

    @Override
    public void message(long msgId, int seqNo, int id, byte[] b, int off, int len) {
        TlReader r = new TlReader(b, off + 4, len - 4);
        switch (id) {
            case RpcResult.CONSTRUCTOR_ID -> rpcResult(b, off, len);
            case MsgsAck.CONSTRUCTOR_ID -> MsgsAck.readBare(r).msgIds().forEach(sent::acknowledged);
            case BadServerSalt.CONSTRUCTOR_ID -> badServerSalt(BadServerSalt.readBare(r));
            case BadMsgNotification.CONSTRUCTOR_ID -> badMessage(msgId, BadMsgNotification.readBare(r));
            case NewSessionCreated.CONSTRUCTOR_ID -> newSessionCreated(NewSessionCreated.readBare(r));
            case Pong.CONSTRUCTOR_ID -> {
                Pong pong = Pong.readBare(r);
                complete(pong.msgId(), pong);
            }
            case FutureSalts.CONSTRUCTOR_ID -> futureSalts(FutureSalts.readBare(r));
            case MsgsStateReq.CONSTRUCTOR_ID -> stateRequest(msgId, MsgsStateReq.readBare(r).msgIds());
            case MsgResendReq.CONSTRUCTOR_ID -> resendRequest(msgId, MsgResendReq.readBare(r).msgIds());
            case MsgDetailedInfo.CONSTRUCTOR_ID -> detailedInfo(MsgDetailedInfo.readBare(r).answerMsgId());
            case MsgNewDetailedInfo.CONSTRUCTOR_ID -> detailedInfo(MsgNewDetailedInfo.readBare(r).answerMsgId());
            case DestroySessionOk.CONSTRUCTOR_ID -> {
                DestroySessionOk ok = DestroySessionOk.readBare(r);
                destroySessionAnswer(ok.sessionId(), ok);
            }
            case DestroySessionNone.CONSTRUCTOR_ID -> {
                DestroySessionNone none = DestroySessionNone.readBare(r);
                destroySessionAnswer(none.sessionId(), none);
            }
            case MsgsAllInfo.CONSTRUCTOR_ID, MsgsStateInfo.CONSTRUCTOR_ID, HttpWait.CONSTRUCTOR_ID -> {
                // informational; nothing to do
            }
            default -> events.updates(Arrays.copyOfRange(b, off, off + len));
        }
    }

    private void rpcResult(byte[] b, int off, int len) {
        TlReader r = new TlReader(b, off + 4, len - 4);
        long reqMsgId = r.readLong();
        Outgoing o = sent.take(reqMsgId);
        if (o == null) {
            o = packer.takeResend(reqMsgId);
        }
        if (o != null && !o.isCall() && answersAbandonedSession(r)) {
            return; // our own destroy_session, answered in rpc_result
        }
        if (o == null || !o.isCall()) {
            events.dropped(DropReason.UNKNOWN_REQUEST, "rpc_result for a call no longer waited for");
            return;
        }
        boolean mayReinitialize = !o.reinitialized && packer.hasInitWrapper() && OutboundPacker.isApiCall(o);
        if (!deliver(o.call, b, off + 12, len - 12, mayReinitialize)) {
            // the server does not know our layer (it lost the session or the connection's state):
            // introduce ourselves again and resend this call, once
            o.reinitialized = true;
            packer.reintroduce();
            packer.requeue(List.of(o), false);
        }
    }

    /** @return whether the result is a destroy_session answer about a session we abandoned (and consumes it) */
    private boolean answersAbandonedSession(TlReader r) {
        int id = r.peekInt();
        if (id != DestroySessionOk.CONSTRUCTOR_ID && id != DestroySessionNone.CONSTRUCTOR_ID) {
            return false;
        }
        r.readInt();
        return abandonedSessions.remove(r.readLong());
    }

    /**
     * Hands a call its answer without decoding it; only a plain {@code rpc_error} is read here.
     *
     * @return false when the server answered CONNECTION_NOT_INITED, {@code mayReinitialize} is set, and so the
     *     call was not reported but is to be resent wrapped in initConnection
     */
    private boolean deliver(OutgoingCall<?> call, byte[] b, int off, int len, boolean mayReinitialize) {
        if (len < 4) {
            throw new TlDecodeException(0, "rpc_result of " + len + " bytes");
        }
        if ((int) INT.get(b, off) == RpcError.CONSTRUCTOR_ID) {
            RpcError error = RpcError.readBare(new TlReader(b, off + 4, len - 4));
            if (mayReinitialize && error.errorCode() == 400 && "CONNECTION_NOT_INITED".equals(error.errorMessage())) {
                return false;
            }
            events.error(call, RpcException.of(error.errorCode(), error.errorMessage(), call.name()));
            return true;
        }
        events.answer(call, RpcAnswer.ofBody(call, Arrays.copyOfRange(b, off, off + len)));
        return true;
    }

    private void complete(long requestMsgId, Object result) {
        Outgoing o = sent.take(requestMsgId);
        if (o == null || !o.isCall()) {
            events.dropped(DropReason.UNKNOWN_REQUEST, "answer for a call no longer waited for");
            return;
        }
        events.answer(o.call, RpcAnswer.ofValue(o.call, result));
    }

    private void futureSalts(FutureSalts fs) {
        List<ServerSalts.Salt> list = new ArrayList<>();
        for (FutureSalt s : fs.salts()) {
            list.add(new ServerSalts.Salt(s.salt(), s.validSince(), s.validUntil()));
        }
        salts.addFuture(list);
        complete(fs.reqMsgId(), fs);
    }

    private void destroySessionAnswer(long destroyed, Object answer) {
        Outgoing o = sent.find(m -> m.isCall() && m.call.method() instanceof DestroySession d && d.sessionId() == destroyed);
        if (o != null) {
            complete(o.msgId, answer);
        } else if (!abandonedSessions.remove(destroyed)) {
            events.dropped(DropReason.UNKNOWN_REQUEST, "destroy_session answer for a call no longer waited for");
        }
    }

    /** Puts the messages a notification names back in the queue (all of a container's), new ids unless kept. */
    private void resend(long badMsgId, boolean keepId) {
        List<Outgoing> again = new ArrayList<>();
        for (Outgoing o : sent.takeNamed(badMsgId)) {
            if (!keepId && ++o.resends > ClientSession.MAX_RESENDS) {
                if (o.isCall()) {
                    events.error(o.call, new MessageRejectedException(o.call.name(), MessageRejectedException.RESEND_LIMIT,
                            "rejected " + ClientSession.MAX_RESENDS + " times"));
                }
                continue;
            }
            again.add(o);
        }
        packer.requeue(again, keepId);
    }

    private void badServerSalt(BadServerSalt bad) {
        salts.replace(bad.newServerSalt());
        resend(bad.badMsgId(), false);
    }

    private void badMessage(long notificationId, BadMsgNotification bad) {
        int code = bad.errorCode();
        switch (code) {
            case 16, 17 -> {
                clock.syncToServerMessageId(notificationId);
                long lastSeconds = MessageIdClock.secondsOf(clock.lastIssued());
                if (lastSeconds > clock.serverMillis() / 1000 + MessageIdClock.MAX_FUTURE_SECONDS) {
                    // the server's time went back past the ids already used: ids must rise within a session
                    resetRequested = SessionResetReason.CLOCK_WENT_BACK;
                } else {
                    resend(bad.badMsgId(), false);
                }
            }
            case 19, 20, 48 -> resend(bad.badMsgId(), false);
            case 32 -> resetRequested = SessionResetReason.SEQNO_TOO_LOW;
            case 33 -> resetRequested = SessionResetReason.SEQNO_TOO_HIGH;
            default -> {
                for (Outgoing o : sent.takeNamed(bad.badMsgId())) {
                    if (o.isCall()) {
                        events.error(o.call, new MessageRejectedException(o.call.name(), code, "bad_msg_notification " + code));
                    }
                }
            }
        }
    }

    private void newSessionCreated(NewSessionCreated created) {
        salts.replace(created.serverSalt());
        packer.requeue(sent.takeAll(o -> o.isCall() && o.msgId < created.firstMsgId()), false);
        events.newSessionCreated(created.firstMsgId(), created.uniqueId());
    }

    /**
     * Answers {@code msgs_state_req} (https://core.telegram.org/mtproto/service_messages_about_messages):
     * 4 received, +8 if our ack already left, +16 if it needed none; 1 older than we remember; 3 ahead of
     * the time window; 2 not received.
     */
    private void stateRequest(long requestId, List<Long> ids) {
        byte[] info = new byte[ids.size()];
        long nowSeconds = clock.serverMillis() / 1000;
        for (int i = 0; i < info.length; i++) {
            long id = ids.get(i);
            if (received.contains(id)) {
                info[i] = (byte) (4 + (!received.isMarked(id) ? 16 : packer.ackPending(id) ? 0 : 8));
            } else if (id <= received.floor()) {
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
    private void resendRequest(long requestId, List<Long> ids) {
        List<Outgoing> again = new ArrayList<>();
        for (Long id : ids) {
            Outgoing o = sent.take(id);
            if (o != null) {
                again.add(o);
            }
        }
        packer.requeue(again, true);
        if (again.size() != ids.size()) {
            stateRequest(requestId, ids);
        }
    }

    private void detailedInfo(long answerMsgId) {
        if (received.contains(answerMsgId)) {
            packer.ack(answerMsgId);
        } else {
            packer.addService(new MsgResendReq(TlLongList.of(answerMsgId)));
        }
    }
}
