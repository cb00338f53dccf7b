package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.session.server.ServerSession;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a {@link ClientSession} talking to the in-memory DC tells the DC about messages: quick acks of its own
 * packets, acknowledgement of pushed updates, and msgs_state_info for the DC's msgs_state_req and for
 * msg_resend_req about messages it does not have.
 */
class SessionAcksAndStateRequestsTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void aQuickAckWithThePacketsTokenAcknowledgesItsCallsAndOthersAreIgnored() {
        pair.initialize();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        OutboundPacket p = pair.client.nextPacket(true);
        assertThat(p.quickAck()).as("a packet carrying a call asks").isTrue();
        dev.mtproto.crypto.MessageCipher server = dev.mtproto.crypto.MessageCipher.forServer(pair.key);
        byte[] wire = java.util.Arrays.copyOf(p.buffer(), p.length());
        server.decrypt(wire, 0, wire.length, new byte[wire.length], 0);
        int token = server.receivedQuickAckToken();

        pair.client.onQuickAck(token ^ 1);
        assertThat(c.acknowledged()).as("a token of another packet").isFalse();
        pair.client.onQuickAck(token);
        assertThat(c.acknowledged()).isTrue();
        assertThat(pair.events.quickAcks).containsExactly(c.msgId());
        pair.client.onQuickAck(token);
        assertThat(pair.events.quickAcks).as("each token counts once").hasSize(1);
    }

    @Test
    void pushedUpdatesReachTheListenerAndAreAcknowledged() {
        pair.initialize();
        ServerSession server = pair.dc.session(pair.client.sessionId());
        server.push(UpdatesTooLong.INSTANCE);
        pair.pump();
        assertThat(pair.events.updates).containsExactly(UpdatesTooLong.INSTANCE);
        assertThat(server.unacknowledgedIds()).as("the client acknowledged everything").isEmpty();
    }

    @Test
    void serverStateRequestsAreAnswered() {
        pair.initialize();
        pair.dc.session(pair.client.sessionId()).push(new MsgsStateReq(List.of(1L, 2L)));
        pair.pump();
        assertThat(pair.dc.receivedConstructors).contains(dev.mtproto.tl.mtproto.MsgsStateInfo.CONSTRUCTOR_ID);
        assertThat(pair.events.drops).isEmpty();
        assertThat(pair.events.errors).isEmpty();
    }

    private void deliverAll() {
        OutboundPacket p;
        while ((p = pair.client.nextPacket(false)) != null) {
            pair.dc.receive(p);
        }
    }

    /** https://core.telegram.org/mtproto/service_messages_about_messages: 4 received, +8 acknowledged, +16 needs no ack. */
    @Test
    void stateRequestsAreAnsweredWithTheAcknowledgedAndNoAckNeededBits() {
        pair.initialize();
        MessageIdClock server = ClientServerPair.forgingClock();
        ForgedServer forged = pair.forged();
        long update = server.nextServerId(false);
        long ack = server.nextServerId(false);
        pair.receive(forged.frame(pair.client.sessionId(), update, 101, UpdatesTooLong.INSTANCE.toByteArray()));
        pair.receive(forged.frame(pair.client.sessionId(), ack, 102, new dev.mtproto.tl.mtproto.MsgsAck(List.of(1L << 40)).toByteArray()));
        long unknown = server.nextServerId(false);
        long first = server.nextServerId(false);
        pair.receive(forged.frame(pair.client.sessionId(), first, 103, new MsgsStateReq(List.of(update, ack, unknown)).toByteArray()));
        deliverAll(); // our ack of the update leaves now
        long second = server.nextServerId(false);
        pair.receive(forged.frame(pair.client.sessionId(), second, 105, new MsgsStateReq(List.of(update, ack)).toByteArray()));
        deliverAll();
        assertThat(pair.dc.stateInfos()).hasSize(2);
        assertThat(pair.dc.stateInfos().get(0).reqMsgId()).isEqualTo(first);
        assertThat(pair.dc.stateInfos().get(0).info()).as("before our ack left").containsExactly(4, 4 + 16, 2);
        assertThat(pair.dc.stateInfos().get(1).reqMsgId()).isEqualTo(second);
        assertThat(pair.dc.stateInfos().get(1).info()).containsExactly(4 + 8, 4 + 16);
    }

    @Test
    void aResendRequestForMessagesWeDoNotHaveIsAnsweredAsAStateRequest() {
        pair.initialize();
        MessageIdClock server = ClientServerPair.forgingClock();
        long unknown = pair.client.clock().nextClientId() - (1L << 32); // a second ago: ours by parity, never sent
        long request = server.nextServerId(false);
        pair.receive(pair.forged().frame(pair.client.sessionId(), request, 101, new dev.mtproto.tl.mtproto.MsgResendReq(List.of(unknown)).toByteArray()));
        deliverAll();
        assertThat(pair.dc.stateInfos()).singleElement().satisfies(info -> {
            assertThat(info.reqMsgId()).isEqualTo(request);
            assertThat(info.info()).containsExactly(2);
        });
    }
}
