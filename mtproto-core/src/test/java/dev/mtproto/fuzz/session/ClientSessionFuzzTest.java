package dev.mtproto.fuzz.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.MtprotoException;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.fuzz.AllocationBudget;
import dev.mtproto.fuzz.SeededRandom;
import dev.mtproto.session.ClientSession;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.RpcAnswer;
import dev.mtproto.session.SessionListener;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.mtproto.Ping;
import java.util.ArrayList;
import java.util.List;

/**
 * The client session's inbound path (https://core.telegram.org/mtproto/description, /service_messages,
 * /service_messages_about_messages) with a real key. The harness plays a server holding the key: it
 * encrypts fuzzer-chosen plaintext, so that inputs pass the auth_key_id and msg_key checks and reach
 * unpacking (containers, gzip_packed, msg_copy, service messages, rpc_result). The session has sent three
 * calls first (msg_ids fixed by a fixed clock), which rpc_result, acks, bad_msg_notification,
 * bad_server_salt and msgs_state_req can name. Per frame the fuzzer picks the session id (ours or not),
 * the salt (current or not), the msg_id (a valid server id near the clock, or any long), the seqno, the
 * declared length (true or not), the padding (right or any length) and the body.
 *
 * <p>Allowed out: nothing from {@link ClientSession#onFrame} and {@link ClientSession#nextPacket}, which
 * report bad input as drops; {@link MtprotoException} from decoding an answer ({@link RpcAnswer#decode}:
 * a malformed result, an RPC error) or an update. Allocations stay within what the frames justify, plus
 * the bounded inflation of {@code gzip_packed} ({@link ClientSession#MAX_INFLATED_SIZE} per level).
 */
class ClientSessionFuzzTest {
    private static final long NOW_MILLIS = 1_767_225_600_000L;
    private static final long SALT = 0x1122334455667788L;
    private static final AuthKey KEY;
    private static final AllocationBudget BUDGET =
            new AllocationBudget(64, (long) ClientSession.MAX_INFLATED_SIZE * (2 + dev.mtproto.session.RpcAnswer.MAX_GZIP_NESTING));

    static {
        byte[] key = new byte[AuthKey.SIZE];
        new SeededRandom(42).nextBytes(key, 0, key.length);
        KEY = AuthKey.of(key);
    }

    /** What the fuzzer chose for one frame. */
    private record Frame(int session, boolean rightSalt, long msgId, int seqNo, int lengthDelta, int padding, byte[] body) {
    }

    @FuzzTest(maxDuration = "10s")
    void inboundFrames(FuzzedDataProvider data) {
        List<Frame> frames = new ArrayList<>();
        for (int n = data.consumeInt(1, 6); n > 0 && data.remainingBytes() > 0; n--) {
            int session = data.consumeInt(0, 7); // 0: another session id, else ours
            boolean rightSalt = data.consumeInt(0, 7) != 0;
            long msgId = data.consumeBoolean() ? data.consumeLong() : serverMsgId(data.consumeInt(-64, 64), data.consumeBoolean());
            int seqNo = data.consumeInt(0, 7) != 0 ? data.consumeInt(0, 64) : data.consumeInt();
            int lengthDelta = data.consumeInt(0, 7) != 0 ? 0 : data.consumeInt(-64, 64);
            int padding = data.consumeInt(0, 7) != 0 ? -1 : data.consumeInt(0, 1100); // -1: the right padding
            byte[] body = data.consumeBytes(data.consumeInt(0, 4096));
            frames.add(new Frame(session, rightSalt, msgId, seqNo, lengthDelta, padding, body));
        }
        int total = frames.stream().mapToInt(f -> f.body().length + 64).sum();
        BUDGET.run(total, () -> run(frames));
    }

    private static void run(List<Frame> frames) {
        ClientSession session = new ClientSession(KEY, SALT, clock(), new SeededRandom(7), new DecodingListener(), 1000, 1 << 20);
        session.submit(OutgoingCall.of(new GetConfig()));
        session.submit(OutgoingCall.of(new Ping(1)));
        assertThat(session.nextPacket(false)).isNotNull();
        session.submit(OutgoingCall.of(new GetConfig()));
        assertThat(session.nextPacket(false)).isNotNull();
        ForgedFrames server = new ForgedFrames(KEY);
        for (Frame f : frames) {
            int length = 32 + f.body().length;
            int padding = f.padding() >= 0 ? f.padding() : MessageCipher.MIN_PADDING + ((16 - ((length + MessageCipher.MIN_PADDING) & 15)) & 15);
            TlWriter plain = new TlWriter(length + padding);
            plain.writeLong(f.rightSalt() ? session.currentSalt() : ~session.currentSalt());
            plain.writeLong(f.session() == 0 ? ~session.sessionId() : session.sessionId());
            plain.writeLong(f.msgId());
            plain.writeInt(f.seqNo());
            plain.writeInt(f.body().length + f.lengthDelta());
            plain.writeRaw(f.body());
            plain.writeRaw(new byte[padding]);
            byte[] wire = server.encrypt(plain.toByteArray());
            session.onFrame(wire, 0, wire.length);
            while (session.nextPacket(false) != null) {
                // acks, answers to service messages, resends: each must be buildable
            }
        }
    }

    /** @return a server msg_id {@code step} steps of 4 from the clock's current time (odd: 1 or 3 mod 4) */
    private static long serverMsgId(int step, boolean response) {
        long base = (NOW_MILLIS / 1000) << 32;
        return base + 4L * step + (response ? 1 : 3);
    }

    private static MessageIdClock clock() {
        return new MessageIdClock(() -> NOW_MILLIS, 0);
    }

    /** Decodes what the session hands over, as the client does; typed failures only. */
    private static final class DecodingListener implements SessionListener {
        @Override
        public void onAnswer(OutgoingCall<?> call, RpcAnswer answer) {
            try {
                answer.decode();
            } catch (MtprotoException expected) {
                // a malformed result or an RPC error
            }
        }

        @Override
        public void onError(OutgoingCall<?> call, RuntimeException error) {
            assertThat(error).isInstanceOf(MtprotoException.class);
        }

        @Override
        public void onUpdates(byte[] boxedUpdates) {
            try {
                UpdatesType.read(new TlReader(boxedUpdates));
            } catch (MtprotoException expected) {
                // a malformed update
            }
        }
    }
}
