package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Frames a {@link ClientSession} talking to the in-memory DC refuses, and that the session keeps working after
 * them: duplicates and replays (also of old frames, before they can move the clock), forged, truncated and
 * foreign-session frames, messages outside the time window, containers holding newer messages, and gzip_packed
 * or msg_copy nested thousands deep (dropped without deep recursion).
 */
class SessionRefusedFramesTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void duplicateReplayedAndForgedFramesAreDroppedAndCountedWithoutBreakingTheSession() {
        pair.initialize();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.dc.receive(pair.client.nextPacket(false));
        List<byte[]> frames = pair.dc.drain();
        byte[] answer = frames.get(0);
        pair.client.onFrame(answer, 0, answer.length);
        pair.client.onFrame(answer, 0, answer.length);      // replayed
        assertThat(pair.events.dropped(DropReason.DUPLICATE)).isEqualTo(1);

        byte[] tampered = answer.clone();
        tampered[tampered.length - 20] ^= 1;
        pair.client.onFrame(tampered, 0, tampered.length);
        byte[] random = new byte[200];
        RandomSource.secure().nextBytes(random, 0, random.length);
        pair.client.onFrame(random, 0, random.length);
        pair.client.onFrame(answer, 0, 30);                 // truncated
        assertThat(pair.events.dropped(DropReason.SECURITY_CHECK)).isEqualTo(3);

        // a frame for another session on the same key
        RecordingListener otherEvents = new RecordingListener();
        ClientSession other = pair.newClient(otherEvents);
        other.submit(new OutgoingCall<>(GetNearestDc.INSTANCE, "x", Long.MAX_VALUE));
        pair.dc.receive(other.nextPacket(false));
        for (byte[] f : pair.dc.drain()) {
            pair.client.onFrame(f, 0, f.length);
        }
        assertThat(pair.events.dropped(DropReason.WRONG_SESSION)).isGreaterThanOrEqualTo(1);

        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        OutgoingCall<NearestDcType> after = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(after.future()).as("the session still works").isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.events.results.stream().filter(r -> r instanceof NearestDc)).hasSize(3);
    }

    @Test
    void replayedOldFramesAreRefusedBeforeTheyCanMoveTheClock() {
        AtomicLong travel = new AtomicLong();
        pair.client = pair.newClient(pair.events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        List<byte[]> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pair.call(GetNearestDc.INSTANCE);
            OutboundPacket p;
            while ((p = pair.client.nextPacket(false)) != null) {
                pair.dc.receive(p);
            }
            for (byte[] f : pair.dc.drain()) {
                recorded.add(f);
                pair.client.onFrame(f, 0, f.length);
            }
        }
        pair.pump();
        travel.set(400_000); // 400 s later, on both sides: the recorded frames are now out of the time window
        pair.dc.skewMillis.set(400_000);
        OutgoingCall<NearestDcType> now = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(now.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        long offset = pair.client.clock().offsetMillis();
        int replaysBefore = pair.events.dropped(DropReason.DUPLICATE);
        for (byte[] f : recorded) {
            pair.client.onFrame(f, 0, f.length);
        }
        assertThat(pair.client.clock().offsetMillis()).as("the clock offset after the replay").isEqualTo(offset);
        assertThat(pair.events.dropped(DropReason.DUPLICATE) - replaysBefore).isGreaterThanOrEqualTo(recorded.size());
    }

    /** https://core.telegram.org/mtproto/security_guidelines: messages outside the time window are ignored. */
    @Test
    void authenticatedMessagesOutsideTheTimeWindowNeverMoveTheClock() {
        pair.initialize();
        long offset = pair.client.clock().offsetMillis();
        MessageIdClock hourAhead = new MessageIdClock(() -> System.currentTimeMillis() + 3_600_000, 0);
        ForgedServer server = pair.forged();
        for (int i = 0; i < 5; i++) {
            pair.receive(server.frame(pair.client.sessionId(), hourAhead.nextServerId(false), 2 * i + 1, UpdatesTooLong.INSTANCE.toByteArray()));
        }
        assertThat(pair.events.dropped(DropReason.OUTSIDE_TIME_WINDOW)).isEqualTo(5);
        assertThat(pair.events.updates).as("no information from them is used").isEmpty();
        assertThat(pair.client.clock().offsetMillis()).isEqualTo(offset);
        OutgoingCall<NearestDcType> genuine = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(genuine.future()).as("the DC's genuine answer is still accepted").isCompletedWithValue(new NearestDc("XX", 2, 2));
    }

    @Test
    void aContainerWithAMessageNewerThanItselfIsRefusedWhole() {
        pair.initialize();
        MessageIdClock server = ClientServerPair.forgingClock();
        long containerId = server.nextServerId(false);
        long inside = server.nextServerId(false); // above the container's id
        byte[] update = UpdatesTooLong.INSTANCE.toByteArray();
        byte[] body = ForgedServer.container(new long[] {inside - 8, inside}, new int[] {1, 3}, new byte[][] {update, update});
        pair.receive(pair.forged().frame(pair.client.sessionId(), containerId, 4, body));
        assertThat(pair.events.updates).isEmpty();
        assertThat(pair.events.dropped(DropReason.BAD_MESSAGE_ID)).isEqualTo(1);
    }

    @Test
    void aGzipBombOfDeepNestingIsDroppedWithoutDeepRecursion() throws Exception {
        pair.initialize();
        GzipCodec gz = new GzipCodec(ClientSession.MAX_INFLATED_SIZE);
        byte[] body = UpdatesTooLong.INSTANCE.toByteArray();
        for (int i = 0; i < 3000; i++) {
            body = new dev.mtproto.tl.mtproto.GzipPacked(gz.gzip(body, 0, body.length)).toByteArray();
        }
        gz.close();
        pair.dc.session(pair.client.sessionId()).push(new dev.mtproto.tl.mtproto.GzipPacked(body));
        List<byte[]> frames = pair.dc.drain();
        assertThat(onSmallStack(() -> frames.forEach(pair::receive))).isNull();
        assertThat(pair.events.dropped(DropReason.MALFORMED)).isEqualTo(1);
        assertThat(pair.events.updates).isEmpty();
    }

    @Test
    void msgCopyNestedThousandsDeepIsDroppedWithoutDeepRecursion() throws Exception {
        pair.initialize();
        MessageIdClock server = ClientServerPair.forgingClock();
        byte[] body = UpdatesTooLong.INSTANCE.toByteArray();
        for (int i = 0; i < 5000; i++) {
            body = ForgedServer.copy(server.nextServerId(false), 1, body);
        }
        byte[] frame = pair.forged().frame(pair.client.sessionId(), server.nextServerId(false), 1, body);
        assertThat(onSmallStack(() -> pair.receive(frame))).isNull();
        assertThat(pair.events.dropped(DropReason.MALFORMED)).isEqualTo(1);
        assertThat(pair.events.updates).isEmpty();
    }

    /** @return what the task threw on a thread with a small stack, or null */
    private static Throwable onSmallStack(Runnable task) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                task.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        return thrown.get();
    }
}
