package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.MsgResendAnsReq;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Answers lost with a connection (or never arriving) in a {@link ClientSession} talking to the in-memory DC: the
 * client asks about its calls (msgs_state_req) and for their answers (msg_resend_ans_req) instead of sending them
 * again, keeps their msg_ids, takes answers the DC resends after a reconnect, and runs nothing twice, also after
 * an outage longer than the time window (whose resent answers are refused without moving the clock).
 */
class SessionLostAnswersTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void aLostConnectionResendsUnansweredCallsWithoutExecutingThemTwice() {
        pair.initialize();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        long sentAs = -1;
        OutboundPacket p = pair.client.nextPacket(false);
        sentAs = c.msgId();
        pair.dc.receive(p);                                  // executed...
        assertThat(pair.dc.drain()).isNotEmpty();            // ...but the answer is lost with the connection
        pair.dc.session(pair.client.sessionId()).forgetUnacknowledged();

        pair.client.onConnectionLost();
        pair.pump(); // asked about (msgs_state_req): received, answer kept (4+32+64); the answer is asked for again
        assertThat(c.msgId()).as("never sent under another msg_id").isEqualTo(sentAs);
        assertThat(pair.dc.receivedConstructors).contains(MsgsStateReq.CONSTRUCTOR_ID, dev.mtproto.tl.mtproto.MsgResendAnsReq.CONSTRUCTOR_ID);
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.executions.get("help.getNearestDc")).isEqualTo(2); // initialize() + once

        // both sides resend after a reconnect: the answer arrives twice, the call completes once
        OutgoingCall<NearestDcType> d = pair.call(GetNearestDc.INSTANCE);
        pair.dc.receive(pair.client.nextPacket(false));
        pair.dc.drain();
        pair.client.onConnectionLost();
        pair.dc.session(pair.client.sessionId()).onReconnect();
        pair.pump();
        assertThat(d.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.executions.get("help.getNearestDc")).isEqualTo(3);
        assertThat(pair.events.results.stream().filter(r -> r instanceof NearestDc)).hasSize(3);
    }

    @Test
    void answersResentAfterAReconnectCompleteCallsStillWaitingInTheQueue() {
        pair.initialize();
        List<OutgoingCall<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            calls.add(pair.call(GetNearestDc.INSTANCE));
        }
        OutboundPacket p;
        while ((p = pair.client.nextPacket(false)) != null) {
            pair.dc.receive(p); // all executed...
        }
        pair.dc.drain(); // ...but the answers are lost with the connection
        pair.client.onConnectionLost();
        pair.dc.session(pair.client.sessionId()).onReconnect(); // the DC resends what was not acknowledged
        for (byte[] frame : pair.dc.drain()) {
            pair.client.onFrame(frame, 0, frame.length);
        }
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(pair.events.dropped(DropReason.UNKNOWN_REQUEST)).isZero();
        pair.pump();
        assertThat(pair.executions.get("help.getNearestDc")).as("nothing ran twice").isEqualTo(251);
        assertThat(pair.dc.session(pair.client.sessionId()).hasOutgoing()).isFalse();
    }

    /** Sends three calls that the DC executes, loses their answers, and lets both clocks run 400 s on. */
    private List<OutgoingCall<NearestDcType>> answersLostInALongOutage(AtomicLong travel) {
        List<OutgoingCall<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutgoingCall<NearestDcType> c = new OutgoingCall<>(GetNearestDc.INSTANCE, "help.getNearestDc", Long.MAX_VALUE - 2);
            pair.client.submit(c);
            calls.add(c);
            pair.dc.receive(pair.client.nextPacket(false)); // one packet each, so the DC answers each in its own frame
        }
        pair.dc.drain();
        travel.set(400_000);
        pair.dc.skewMillis.set(400_000);
        return calls;
    }

    @Test
    void oldAnswersResentAfterAnOutageLongerThanTheTimeWindowDoNotPullTheClockBack() {
        AtomicLong travel = new AtomicLong();
        pair.client = pair.newClient(pair.events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        pair.initialize();
        answersLostInALongOutage(travel);
        long offset = pair.client.clock().offsetMillis();
        pair.client.onConnectionLost();
        pair.dc.session(pair.client.sessionId()).onReconnect(); // the DC resends the answers, with their old msg_ids
        for (byte[] frame : pair.dc.drain()) {
            pair.receive(frame);
        }
        assertThat(pair.events.dropped(DropReason.OUTSIDE_TIME_WINDOW)).isEqualTo(3);
        assertThat(pair.client.clock().offsetMillis()).isEqualTo(offset);
    }

    @Test
    void callsWhoseAnswersWereLostInALongOutageNeverRunTwice() {
        AtomicLong travel = new AtomicLong();
        pair.client = pair.newClient(pair.events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        pair.initialize();
        List<OutgoingCall<NearestDcType>> calls = answersLostInALongOutage(travel);
        pair.client.onConnectionLost();
        pair.dc.session(pair.client.sessionId()).onReconnect(); // the answers come again, with msg_ids too old to accept
        pair.pump();
        assertThat(pair.dc.receivedConstructors).as("the client asked about them").contains(MsgsStateReq.CONSTRUCTOR_ID);
        assertThat(calls).as("the DC said it has them: they are not sent again").allSatisfy(c -> assertThat(c.acknowledged()).isTrue());
        assertThat(pair.dc.receivedConstructors).as("the DC said their answers exist (+64): the client asked for them")
                .contains(dev.mtproto.tl.mtproto.MsgResendAnsReq.CONSTRUCTOR_ID);
        assertThat(calls).as("answered again, with fresh msg_ids").allSatisfy(c ->
                assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(pair.executions.get("help.getNearestDc")).as("initialize() and each call once").isEqualTo(4);
        assertThat(pair.events.errors).isEmpty();
    }

    @Test
    void aRejectedResendOfAMessageThatMayHaveArrivedKeepsItsMsgId() {
        pair.initialize();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        OutboundPacket p = pair.client.nextPacket(false);
        long sentAs = c.msgId();
        pair.dc.receive(p);                                  // executed; the answer is lost with the connection
        pair.dc.drain();
        pair.dc.session(pair.client.sessionId()).forgetUnacknowledged();
        pair.dc.session(pair.client.sessionId()).rotateSalt();    // and the salt changed meanwhile
        pair.client.onConnectionLost();
        pair.pump();                                         // asked about, refused for its salt, asked again
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(c.msgId()).isEqualTo(sentAs);
        assertThat(pair.executions.get("help.getNearestDc")).as("never run twice").isEqualTo(2);
    }

    /** @return the msg_id the packet carries for a message with that constructor (read as the DC would) */
    private long msgIdIn(OutboundPacket p, int constructorId) {
        byte[] plain = dev.mtproto.crypto.MessageCipher.forServer(pair.key).decrypt(java.util.Arrays.copyOf(p.buffer(), p.length()));
        long[] found = {0};
        if (MessageContainers.isContainer(plain, 32, plain.length - 32)) {
            MessageContainers.forEach(plain, 32, plain.length - 32, (id, seq, b, at, len) -> {
                if (java.nio.ByteBuffer.wrap(b, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() == constructorId) {
                    found[0] = id;
                }
                return true;
            });
        } else if (java.nio.ByteBuffer.wrap(plain, 32, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() == constructorId) {
            found[0] = java.nio.ByteBuffer.wrap(plain, 16, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        }
        return found[0];
    }

    /** https://core.telegram.org/mtproto/service_messages_about_messages: +64, an answer was already made. */
    @Test
    void aCallLongUnansweredIsAskedAboutAndItsAnswerAskedForWhenTheServerHasOne() {
        AtomicLong travel = new AtomicLong();
        pair.client = pair.newClient(pair.events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        pair.initialize();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.client.nextPacket(false); // its answer never comes
        travel.set((SessionTimer.PROBE_AFTER_SECONDS + 1) * 1000);
        pair.client.expire(System.nanoTime());
        OutboundPacket probe = pair.client.nextPacket(false);
        long request = msgIdIn(probe, MsgsStateReq.CONSTRUCTOR_ID);
        assertThat(request).as("a msgs_state_req about it").isNotZero();
        MessageIdClock server = new MessageIdClock(() -> System.currentTimeMillis() + travel.get() + 1000, 0);
        pair.receive(pair.forged().frame(pair.client.sessionId(), server.nextServerId(true), 101,
                new dev.mtproto.tl.mtproto.MsgsStateInfo(request, new byte[] {4 + 32 + 64}).toByteArray()));
        OutboundPacket again = pair.client.nextPacket(false);
        assertThat(msgIdIn(again, MsgResendAnsReq.CONSTRUCTOR_ID)).as("msg_resend_ans_req for its answer").isNotZero();
        assertThat(c.acknowledged()).isTrue();
        assertThat(c.future()).isNotDone();
        assertThat(pair.client.pendingCalls()).isEqualTo(1);
    }
}
