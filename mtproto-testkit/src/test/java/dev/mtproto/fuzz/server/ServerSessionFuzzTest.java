package dev.mtproto.fuzz.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.server.ServerSession;
import dev.mtproto.session.server.ServerSessionSettings;
import dev.mtproto.tl.TlDecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test DC's server session (https://core.telegram.org/mtproto/description, /service_messages) on
 * fuzzer-chosen decrypted client messages, as the test DC hands them over after decryption: the fuzzer
 * picks the salt (valid or not), the msg_id (a client id near the DC's clock, or any long), the seqno and
 * the body (containers, gzip_packed, invokeWithLayer/initConnection wrappers, service messages, API calls).
 * Strict and lenient checks both. Calls are answered with an RPC error; after every message the session
 * builds all it has queued, as the DC does before writing.
 *
 * <p>Allowed out: {@link TlDecodeException} from {@link ServerSession#receive} (the test DC drops the
 * connection on it); nothing from {@link ServerSession#nextPacket}.
 */
class ServerSessionFuzzTest {
    private static final long NOW_MILLIS = 1_767_225_600_000L;
    private static final long SALT = 0x0102030405060708L;
    private static final AuthKey KEY;

    static {
        byte[] key = new byte[AuthKey.SIZE];
        new SeededRandom(43).nextBytes(key, 0, key.length);
        KEY = AuthKey.of(key);
    }

    private record Message(boolean rightSalt, long msgId, int seqNo, byte[] body) {
    }

    @FuzzTest(maxDuration = "10s")
    void clientMessages(FuzzedDataProvider data) {
        boolean strict = data.consumeBoolean();
        List<Message> messages = new ArrayList<>();
        for (int n = data.consumeInt(1, 6); n > 0 && data.remainingBytes() > 0; n--) {
            boolean rightSalt = data.consumeInt(0, 7) != 0;
            long msgId = data.consumeBoolean() ? data.consumeLong()
                    : ((NOW_MILLIS / 1000) << 32) + 4L * data.consumeInt(-64, 64);
            int seqNo = data.consumeInt(0, 7) != 0 ? data.consumeInt(0, 64) : data.consumeInt();
            messages.add(new Message(rightSalt, msgId, seqNo, data.consumeBytes(data.consumeInt(0, 4096))));
        }
        ServerSession session = new ServerSession(KEY, 77, SALT, new MessageIdClock(() -> NOW_MILLIS, 0), new SeededRandom(9),
                call -> {
                    throw RpcException.of(400, "FUZZ_NOT_ANSWERED", call.method().tlName());
                }, ServerSessionSettings.builder().strictChecks(strict).build());
        for (Message m : messages) {
            try {
                session.receive(m.rightSalt() ? session.salt() : ~session.salt(), m.msgId(), m.seqNo(), m.body(), 0, m.body().length);
            } catch (TlDecodeException expected) {
                return; // the test DC drops the connection
            }
            while (session.nextPacket() != null) {
                // every answer, ack and service message must be buildable
            }
        }
    }
}
