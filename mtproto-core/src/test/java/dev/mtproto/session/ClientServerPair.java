package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.server.ServerSession;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetCountriesList;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SaveAppLog;
import dev.mtproto.tl.api.help.SupportName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ClientSession} and the {@link InMemoryDc} it talks to, on a fresh key, for the tests of the client
 * against a real {@link ServerSession}. The DC answers help.getNearestDc, help.getSupportName (8,000
 * characters, or {@link #heldAnswer} while that is set), help.getCountriesList (with the error its lang code
 * names, {@code code:MESSAGE}), help.saveAppLog and upload.getFile ({@link #filePart}); it counts what it
 * executed. {@link #pump()} moves packets both ways until nothing moves. One instance per test.
 */
final class ClientServerPair {
    static final long FIRST_SALT = 0x1122334455667788L;
    /** The largest packet either side may send; {@link #pump} asserts every client packet against it. */
    int packetLimit = dev.mtproto.transport.FrameCodec.DEFAULT_MAX_FRAME_LENGTH;

    /** How often the DC executed each method, by TL name. */
    final Map<String, Integer> executions = new HashMap<>();
    /** Every method the DC executed, in order. */
    final List<TlMethod<?>> executed = new ArrayList<>();
    final RecordingListener events = new RecordingListener();
    /** When set, help.getSupportName is answered only when this completes (a call the DC holds). */
    CompletableFuture<Object> heldAnswer;
    final AuthKey key;
    final InMemoryDc dc;
    /** The client under test; a test may replace it with one made by {@link #newClient}. */
    ClientSession client;

    ClientServerPair() {
        byte[] k = new byte[256];
        RandomSource.secure().nextBytes(k, 0, k.length);
        key = AuthKey.of(k);
        dc = new InMemoryDc(key, FIRST_SALT, call -> {
            executed.add(call.method());
            executions.merge(call.method().tlName(), 1, Integer::sum);
            if (call.method() instanceof GetNearestDc) {
                return new NearestDc("XX", 2, 2);
            }
            if (call.method() instanceof GetSupportName) {
                return heldAnswer != null ? heldAnswer : new SupportName("support ".repeat(1000));
            }
            if (call.method() instanceof GetCountriesList list) { // the lang code says which error to answer
                String[] e = list.langCode().split(":");
                throw RpcException.of(Integer.parseInt(e[0]), e[1], call.method().tlName());
            }
            if (call.method() instanceof SaveAppLog) {
                return Boolean.TRUE;
            }
            if (call.method() instanceof dev.mtproto.tl.api.upload.GetFile get) {
                return new dev.mtproto.tl.api.upload.File(dev.mtproto.tl.api.storage.FilePartial.INSTANCE, 0, filePart(get.offset(), get.limit()));
            }
            throw RpcException.of(400, "METHOD_NOT_IN_TEST", call.method().tlName());
        });
        client = newClient(events);
    }

    ClientSession newClient(SessionListener listener) {
        return newClient(listener, MessageIdClock.system());
    }

    ClientSession newClient(SessionListener listener, MessageIdClock clock) {
        ClientSession session = new ClientSession(key, FIRST_SALT, clock, RandomSource.secure(), listener, 1024, packetLimit);
        session.initWrapper(ClientServerPair::initialized);
        return session;
    }

    private static TlMethod<?> initialized(TlMethod<?> query) {
        return wrap(query);
    }

    private static <R> TlMethod<R> wrap(TlMethod<R> query) {
        InitConnection<R> init = InitConnection.<R>builder().apiId(1).deviceModel("test").systemVersion("1")
                .appVersion("1").systemLangCode("en").langPack("").langCode("en").query(query).build();
        return new InvokeWithLayer<>(223, init);
    }

    /** Submits a call without a deadline to {@link #client}. */
    <R> OutgoingCall<R> call(TlMethod<R> method) {
        OutgoingCall<R> c = new OutgoingCall<>(method, method.tlName(), Long.MAX_VALUE);
        client.submit(c);
        return c;
    }

    /** Moves packets both ways until nothing moves. */
    void pump() {
        pump(false);
    }

    /**
     * Moves packets both ways until nothing moves.
     *
     * @param overwriteFrames whether each frame's buffer is overwritten once the client has taken it, as a
     *     transport reuses its buffer
     */
    void pump(boolean overwriteFrames) {
        for (int round = 0; round < 50; round++) {
            boolean moved = false;
            OutboundPacket p;
            while ((p = client.nextPacket(false)) != null) {
                assertThat(p.length()).as("packet size").isLessThanOrEqualTo(packetLimit);
                dc.receive(p);
                moved = true;
            }
            for (byte[] frame : dc.drain()) {
                client.onFrame(frame, 0, frame.length);
                if (overwriteFrames) {
                    java.util.Arrays.fill(frame, (byte) 0x5a);
                }
                moved = true;
            }
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("the session did not settle");
    }

    /** Makes the first call (the one wrapped in initConnection) and checks its answer. */
    void initialize() {
        OutgoingCall<NearestDcType> first = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(first.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
    }

    /** @return a server holding the key, to make frames the DC would never send, under its current salt */
    ForgedServer forged() {
        return new ForgedServer(key, dc.session(client.sessionId()).salt());
    }

    /** Hands one frame to the client, as its transport would. */
    void receive(byte[] frame) {
        client.onFrame(frame, 0, frame.length);
    }

    /** @return a server clock one second ahead, so that its msg_ids never collide with the DC's own */
    static MessageIdClock forgingClock() {
        return new MessageIdClock(() -> System.currentTimeMillis() + 1000, 0);
    }

    /** The bytes the DC serves for a part: random (so gzip does not pay), a function of where the part is. */
    static byte[] filePart(long offset, int limit) {
        byte[] b = new byte[limit];
        new java.util.Random(offset).nextBytes(b);
        return b;
    }
}
