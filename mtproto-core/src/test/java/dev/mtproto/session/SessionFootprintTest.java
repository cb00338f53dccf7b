package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.tl.api.help.GetNearestDc;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * The heap an idle session keeps, measured with JOL: 10,000 idle sessions must fit in one JVM. What the
 * session shares with others (listener, randomness, the clock's time source) is not counted.
 */
class SessionFootprintTest {
    /** Generous: the target is about 16 KB; the figure is printed for docs/client.md. */
    private static final long BOUND = 24 * 1024;

    private static <R> dev.mtproto.tl.TlMethod<R> initialized(dev.mtproto.tl.TlMethod<R> query) {
        return new dev.mtproto.tl.api.InvokeWithLayer<>(223, dev.mtproto.tl.api.InitConnection.<R>builder().apiId(1)
                .deviceModel("test").systemVersion("1").appVersion("1").systemLangCode("en").langPack("").langCode("en")
                .query(query).build());
    }

    /** @return a session after 20 calls answered by an in-memory DC, idle now */
    private static ClientSession idleSessionAfterCalls(AuthKey key, RandomSource random, RecordingListener events) {
        InMemoryDc dc = new InMemoryDc(key, 1, call -> new dev.mtproto.tl.api.NearestDc("XX", 2, 2));
        ClientSession session = new ClientSession(key, 1, MessageIdClock.system(), random, events, 4096,
                dev.mtproto.transport.FrameCodec.DEFAULT_MAX_FRAME_LENGTH);
        session.initWrapper(SessionFootprintTest::initialized);
        for (int i = 0; i < 20; i++) {
            session.submit(OutgoingCall.of(GetNearestDc.INSTANCE));
            OutboundPacket p;
            while ((p = session.nextPacket(false)) != null) {
                dc.receive(p);
            }
            for (byte[] frame : dc.drain()) {
                session.onFrame(frame, 0, frame.length);
            }
        }
        session.nextPacket(false); // the last acks leave
        session.expire(System.nanoTime());
        return session;
    }

    @Test
    void anIdleSessionAfterAFewCallsRetainsLittle() {
        byte[] k = new byte[256];
        RandomSource random = RandomSource.secure();
        random.nextBytes(k, 0, k.length);
        AuthKey key = AuthKey.of(k);
        RecordingListener events = new RecordingListener();
        ClientSession session = idleSessionAfterCalls(key, random, events);
        ClientSession other = idleSessionAfterCalls(key, random, new RecordingListener());
        assertThat(events.results).hasSize(20);
        assertThat(session.pendingCalls()).isZero();

        // what another session reaches too (the key, JDK providers, classes, constants) is shared, not retained
        GraphLayout retained = GraphLayout.parseInstance(session).subtract(GraphLayout.parseInstance(other, events, random));
        System.out.printf("idle ClientSession after 20 calls retains %d bytes in %d objects%n%s%n",
                retained.totalSize(), retained.totalCount(), retained.toFootprint());
        assertThat(retained.totalSize()).isLessThan(BOUND);
    }
}
