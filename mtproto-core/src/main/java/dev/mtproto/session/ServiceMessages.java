package dev.mtproto.session;

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
import dev.mtproto.tl.mtproto.RpcResult;
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
    private static final int ABANDONED_SESSIONS_REMEMBERED = 8;

    private final SentMessages sent;
    private final OutboundPacker packer;
    private final ServerSalts salts;
    private final MessageIdClock clock;
    private final SessionEvents events;
    private final int replayWindow;
    private ReceivedMessageIds received;
    /** Sessions this client asked the server to forget; the answers are expected. */
    private final ArrayDeque<Long> destroying = new ArrayDeque<>(0);
    /** Set while a frame is processed when its messages call for a new session. */
    private SessionResetReason resetRequested;
    /** The msg_ids the notifications that called for the new session named as refused, in this frame. */
    private final List<Long> resetRefused = new ArrayList<>(0);
    private final MessageStates states;

    ServiceMessages(SentMessages sent, OutboundPacker packer, ServerSalts salts, MessageIdClock clock, SessionEvents events,
                    int replayWindow) {
        this.sent = sent;
        this.packer = packer;
        this.salts = salts;
        this.clock = clock;
        this.events = events;
        this.replayWindow = replayWindow;
        this.received = new ReceivedMessageIds(replayWindow);
        this.states = new MessageStates(sent, packer, clock, events);
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

    @Override
    public boolean sentSinceClockCorrection(long msgId) {
        Outgoing o = sent.named(msgId);
        return o != null && o.clockCorrections == clock.corrections();
    }

    /** @return why the frame just processed calls for a new session, clearing it; or null */
    SessionResetReason takeResetRequest() {
        SessionResetReason reason = resetRequested;
        resetRequested = null;
        return reason;
    }

    /** @return the msg_ids the server refused in the notifications behind {@link #takeResetRequest()} (a copy) */
    List<Long> resetRefused() {
        return List.copyOf(resetRefused);
    }

    /** A new session began: an empty replay window. */
    void newSession() {
        received = new ReceivedMessageIds(replayWindow);
        resetRefused.clear();
    }

    /**
     * Asks the server what became of calls that may have reached it ({@code msgs_state_req}); they stay in
     * flight meanwhile, and its answer decides.
     */
    void probe(List<Outgoing> calls, long nowSeconds) {
        states.probe(calls, nowSeconds);
    }

    /** We asked the server to forget a session: its destroy_session answer is expected. */
    void expectDestroyAnswer(long session) {
        destroying.add(session);
        if (destroying.size() > ABANDONED_SESSIONS_REMEMBERED) {
            destroying.removeFirst();
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
            case MsgsStateReq.CONSTRUCTOR_ID -> states.stateRequest(msgId, MsgsStateReq.readBare(r).msgIds(), received);
            case MsgResendReq.CONSTRUCTOR_ID -> states.resendRequest(msgId, MsgResendReq.readBare(r).msgIds(), received);
            case MsgDetailedInfo.CONSTRUCTOR_ID -> states.detailedInfo(MsgDetailedInfo.readBare(r).answerMsgId(), received);
            case MsgNewDetailedInfo.CONSTRUCTOR_ID -> states.detailedInfo(MsgNewDetailedInfo.readBare(r).answerMsgId(), received);
            case DestroySessionOk.CONSTRUCTOR_ID -> {
                DestroySessionOk ok = DestroySessionOk.readBare(r);
                destroySessionAnswer(ok.sessionId(), ok);
            }
            case DestroySessionNone.CONSTRUCTOR_ID -> {
                DestroySessionNone none = DestroySessionNone.readBare(r);
                destroySessionAnswer(none.sessionId(), none);
            }
            case MsgsStateInfo.CONSTRUCTOR_ID -> states.stateInfo(MsgsStateInfo.readBare(r));
            case MsgsAllInfo.CONSTRUCTOR_ID, HttpWait.CONSTRUCTOR_ID -> {
                // informational; nothing to do
            }
            default -> events.updates(Arrays.copyOfRange(b, off, off + len));
        }
    }

    private void rpcResult(byte[] b, int off, int len) {
        long reqMsgId = RpcResults.requestId(b, off, len);
        Outgoing o = sent.take(reqMsgId);
        if (o == null) {
            o = packer.takeResend(reqMsgId);
        }
        if (o != null && !o.isCall() && answersDestroySession(b, off, len)) {
            return; // our own destroy_session, answered in rpc_result
        }
        if (o == null || !o.isCall()) {
            events.dropped(DropReason.UNKNOWN_REQUEST, "rpc_result for a call no longer waited for");
            return;
        }
        boolean mayReinitialize = !o.reinitialized && packer.hasInitWrapper() && OutboundPacker.isApiCall(o);
        if (!RpcResults.deliver(events, o.call, b, off, len, mayReinitialize)) {
            // the server does not know our layer (it lost the session or the connection's state):
            // introduce ourselves again and resend this call, once; it did not run
            o.reinitialized = true;
            packer.reintroduce();
            packer.requeue(List.of(o), false);
        }
    }

    /** @return whether the rpc_result answers our destroy_session about a session we left (and consumes it) */
    private boolean answersDestroySession(byte[] b, int off, int len) {
        TlReader r = new TlReader(b, off + 12, len - 12);
        int id = r.peekInt();
        if (id != DestroySessionOk.CONSTRUCTOR_ID && id != DestroySessionNone.CONSTRUCTOR_ID) {
            return false;
        }
        r.readInt();
        return destroying.remove(r.readLong());
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
        } else if (!destroying.remove(destroyed)) {
            events.dropped(DropReason.UNKNOWN_REQUEST, "destroy_session answer for a call no longer waited for");
        }
    }

    /**
     * The server refused the messages a notification names (all of a container's) without running them.
     * A message sent only once goes again under a new msg_id; one transmitted before under the same msg_id
     * may have arrived then, so it keeps its msg_id where the refusal was about the salt, and is otherwise
     * asked about ({@code msgs_state_req}) rather than sent under a new id.
     */
    private void refused(long badMsgId, boolean saltOnly) {
        List<Outgoing> again = new ArrayList<>();
        List<Outgoing> keepingIds = new ArrayList<>();
        List<Outgoing> uncertain = new ArrayList<>();
        for (Outgoing o : sent.takeNamed(badMsgId)) {
            if (++o.resends > ClientSession.MAX_RESENDS) {
                if (o.isCall()) {
                    events.error(o.call, new MessageRejectedException(o.call.name(), MessageRejectedException.RESEND_LIMIT,
                            "rejected " + ClientSession.MAX_RESENDS + " times"));
                }
            } else if (o.transmissions <= 1 || !o.isCall()) {
                again.add(o);
            } else {
                (saltOnly ? keepingIds : uncertain).add(o);
            }
        }
        packer.requeue(keepingIds, true);
        packer.requeue(again, false);
        probe(uncertain, clock.serverMillis() / 1000);
    }

    private void badServerSalt(BadServerSalt bad) {
        salts.replace(bad.newServerSalt());
        refused(bad.badMsgId(), true);
    }

    private void badMessage(long notificationId, BadMsgNotification bad) {
        int code = bad.errorCode();
        if (!sent.isOurs(bad.badMsgId())) {
            events.dropped(DropReason.NOT_OUR_MESSAGE, "bad_msg_notification " + code + " about a msg_id we did not send");
            return;
        }
        switch (code) {
            case 16, 17 -> {
                clock.syncToServerMessageId(notificationId);
                long lastSeconds = MessageIdClock.secondsOf(clock.lastIssued());
                if (lastSeconds > clock.serverMillis() / 1000 + MessageIdClock.MAX_FUTURE_SECONDS) {
                    // the server's time went back past the ids already used: ids must rise within a session
                    requestReset(SessionResetReason.CLOCK_WENT_BACK, bad.badMsgId());
                } else {
                    refused(bad.badMsgId(), false);
                }
            }
            case 19, 20 -> refused(bad.badMsgId(), false);
            case 48 -> refused(bad.badMsgId(), true);
            case 32 -> requestReset(SessionResetReason.SEQNO_TOO_LOW, bad.badMsgId());
            case 33 -> requestReset(SessionResetReason.SEQNO_TOO_HIGH, bad.badMsgId());
            default -> {
                for (Outgoing o : sent.takeNamed(bad.badMsgId())) {
                    if (o.isCall()) {
                        events.error(o.call, new MessageRejectedException(o.call.name(), code, "bad_msg_notification " + code));
                    }
                }
            }
        }
    }

    private void requestReset(SessionResetReason reason, long refused) {
        resetRequested = reason;
        resetRefused.add(refused);
    }

    /**
     * The server lost our session and made a new one, which received our messages from {@code first_msg_id}
     * on. A call sent before it began went to the session the server forgot: it may have run there, and
     * sending it again (the new session does not know its msg_id) could run it twice, so it fails with
     * {@link OutcomeUnknownException} (https://core.telegram.org/mtproto/service_messages, "New session
     * creation notification"). Calls never sent go in the new session as usual.
     */
    private void newSessionCreated(NewSessionCreated created) {
        salts.replace(created.serverSalt());
        List<Outgoing> before = sent.takeAll(o -> o.isCall() && o.msgId < created.firstMsgId());
        before.addAll(packer.takeResendsBelow(created.firstMsgId()));
        for (Outgoing o : before) {
            if (o.isCall()) {
                events.error(o.call, new OutcomeUnknownException(o.call.name(), "it was sent to a session the server lost"));
            }
        }
        events.newSessionCreated(created.firstMsgId(), created.uniqueId());
    }
}
