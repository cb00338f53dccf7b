package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SupportNameType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which calls may go in a session under a new key when the DC forgot the old one (transport error -404,
 * https://core.telegram.org/mtproto/mtproto-transports#transport-errors): only those the DC cannot have, since
 * a new session cannot tell a call sent again from a new one (https://core.telegram.org/mtproto/description,
 * "msg_id" and "Session"). A call sent on a connection lost before, or acknowledged, fails as "may have run".
 */
class ConnectionLossTest {
    private static final long SALT = 0x0102030405060708L;

    private final List<String> executed = new ArrayList<>();
    private final RecordingListener events = new RecordingListener();
    private final AuthKey key = newKey();
    /** When set, help.getSupportName is answered only when this completes. */
    private CompletableFuture<Object> held;
    private final InMemoryDc dc = new InMemoryDc(key, SALT, call -> {
        executed.add(call.method().tlName());
        if (call.method() instanceof GetSupportName && held != null) {
            return held;
        }
        if (call.method() instanceof GetNearestDc) {
            return new NearestDc("XX", 2, 2);
        }
        throw RpcException.of(400, "METHOD_NOT_IN_TEST", call.method().tlName());
    });
    private final ClientSession client = newClient();

    private ClientSession newClient() {
        ClientSession session = new ClientSession(key, SALT, MessageIdClock.system(), RandomSource.secure(), events, 1024,
                dev.mtproto.transport.FrameCodec.DEFAULT_MAX_FRAME_LENGTH);
        session.initWrapper(ConnectionLossTest::initialized);
        return session;
    }

    private static TlMethod<?> initialized(TlMethod<?> query) {
        return wrap(query);
    }

    private static <R> TlMethod<R> wrap(TlMethod<R> query) {
        return new InvokeWithLayer<>(223, InitConnection.<R>builder().apiId(1).deviceModel("test").systemVersion("1")
                .appVersion("1").systemLangCode("en").langPack("").langCode("en").query(query).build());
    }

    /** A first call, answered: the DC knows the session and the connection. */
    @BeforeEach
    void sessionStarted() {
        OutgoingCall<NearestDcType> first = call(GetNearestDc.INSTANCE);
        send(true);
        answersArrive();
        assertThat(first.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        executed.clear();
    }

    private static AuthKey newKey() {
        byte[] k = new byte[256];
        RandomSource.secure().nextBytes(k, 0, k.length);
        return AuthKey.of(k);
    }

    private <R> OutgoingCall<R> call(TlMethod<R> method) {
        OutgoingCall<R> c = new OutgoingCall<>(method, method.tlName(), Long.MAX_VALUE);
        client.submit(c);
        return c;
    }

    /** Everything queued goes out in packets, which the DC reads or, when {@code delivered} is false, never gets. */
    private void send(boolean delivered) {
        OutboundPacket p;
        while ((p = client.nextPacket(false)) != null) {
            if (delivered) {
                dc.receive(p);
            }
        }
    }

    private void answersArrive() {
        for (byte[] frame : dc.drain()) {
            client.onFrame(frame, 0, frame.length);
        }
    }

    @Test
    void aCallSentOnlyOnTheConnectionTheDcRefusedGoesUnderTheNewKey() {
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        send(false); // the DC could not decrypt it, and answered -404
        client.onKeyRefused();

        assertThat(c.mayHaveReachedServer()).isFalse();
        assertThat(client.takeCallsForNewKey()).containsExactly(c);
        assertThat(events.errors).isEmpty();
        assertThat(c.future()).isNotDone();
    }

    @Test
    void aCallSentOnAConnectionLostBeforeFailsAsMayHaveRunInsteadOfRunningTwice() {
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        send(true);
        dc.drain(); // executed, but the answer is lost with the connection
        client.onConnectionLost();
        send(false); // the next connection asks about it, and the DC, which forgot the key, answers -404
        client.onKeyRefused();

        assertThat(c.mayHaveReachedServer()).isTrue();
        assertThat(client.takeCallsForNewKey()).isEmpty();
        assertThat(events.errors).singleElement().isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.mayHaveRun()).isTrue();
            assertThat(e).hasMessageContaining("help.getNearestDc").hasMessageContaining("earlier connection");
        });
        assertThat(executed).containsExactly("help.getNearestDc");
    }

    @Test
    void aCallNeverSentGoesUnderTheNewKeyEvenAfterLostConnections() {
        OutgoingCall<NearestDcType> first = call(GetNearestDc.INSTANCE);
        send(true);
        client.onConnectionLost();
        OutgoingCall<NearestDcType> queued = call(GetNearestDc.INSTANCE);
        client.onKeyRefused(); // before anything went on the new connection

        assertThat(client.takeCallsForNewKey()).containsExactly(queued);
        assertThat(events.errors).hasSize(1);
        assertThat(first.future()).isCompletedExceptionally();
    }

    @Test
    void anAcknowledgedCallIsNotSentAgainUnderANewKey() {
        held = new CompletableFuture<>();
        OutgoingCall<SupportNameType> c = call(GetSupportName.INSTANCE);
        OutboundPacket p = client.nextPacket(true);
        dev.mtproto.crypto.MessageCipher server = dev.mtproto.crypto.MessageCipher.forServer(key);
        byte[] wire = java.util.Arrays.copyOf(p.buffer(), p.length());
        server.decrypt(wire, 0, wire.length, new byte[wire.length], 0);
        client.onQuickAck(server.receivedQuickAckToken()); // the DC got it (the transport's quick ack)
        client.onKeyRefused(); // and then forgot the key on this same connection

        assertThat(c.acknowledged()).isTrue();
        assertThat(client.takeCallsForNewKey()).isEmpty();
        assertThat(events.errors).singleElement().isInstanceOf(OutcomeUnknownException.class);
    }

    @Test
    void aCallTheDcSaysItNeverReceivedMayGoUnderANewKey() {
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        send(false); // lost with its connection before it arrived
        client.onConnectionLost();
        assertThat(c.mayHaveReachedServer()).isTrue();
        OutboundPacket probe = client.nextPacket(false); // msgs_state_req about it
        dc.receive(probe);
        answersArrive(); // "not received": it is queued to go again under a new msg_id
        assertThat(c.mayHaveReachedServer()).isFalse();
        client.onKeyRefused();

        assertThat(client.takeCallsForNewKey()).containsExactly(c);
        assertThat(events.errors).isEmpty();
        assertThat(executed).isEmpty();
    }

    @Test
    void callsWaitingInASessionLeftEarlierFailRatherThanGoUnderTheNewKey() {
        held = new CompletableFuture<>();
        OutgoingCall<SupportNameType> c = call(GetSupportName.INSTANCE);
        send(true);
        client.resetSession(); // it waits for its answer in the session left
        client.onKeyRefused();

        assertThat(client.takeCallsForNewKey()).isEmpty();
        assertThat(events.errors).singleElement().isInstanceOfSatisfying(OutcomeUnknownException.class,
                e -> assertThat(e).hasMessageContaining("session left earlier"));
    }
}
