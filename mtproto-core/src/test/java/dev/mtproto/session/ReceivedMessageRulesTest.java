package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.HttpWait;
import dev.mtproto.tl.mtproto.RpcResult;
import dev.mtproto.transport.FrameCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks a client applies to every encrypted message it receives, each broken once by a server that
 * holds the key ({@link ForgedServer}) and fed to a real {@link ClientSession}. Every test asserts the drop
 * reason and its detail, and that nothing of the message reached the listener. Sources:
 * https://core.telegram.org/mtproto/description ("Important checks", "Message Identifier",
 * "Containers"), https://core.telegram.org/mtproto/security_guidelines.
 */
class ReceivedMessageRulesTest {
    private static final long SALT = 0x0102030405060708L;
    private static final int REPLAY_WINDOW = 16;

    private final MessageIdClock serverClock = new MessageIdClock(System::currentTimeMillis, 0);
    private AuthKey key;
    private RecordingListener events;
    private ClientSession client;
    private ForgedServer server;

    @BeforeEach
    void setUp() {
        byte[] k = new byte[256];
        RandomSource.secure().nextBytes(k, 0, k.length);
        key = AuthKey.of(k);
        events = new RecordingListener();
        client = new ClientSession(key, SALT, MessageIdClock.system(), RandomSource.secure(), events, REPLAY_WINDOW,
                FrameCodec.DEFAULT_MAX_FRAME_LENGTH);
        server = new ForgedServer(key, SALT);
    }

    private void receive(byte[] frame) {
        client.onFrame(frame, 0, frame.length);
    }

    private static byte[] update() {
        return UpdatesTooLong.INSTANCE.toByteArray();
    }

    /** @return a frame that keeps every rule, carrying one update */
    private byte[] genuine() {
        return server.frame(client.sessionId(), serverClock.nextServerId(false), 1, update());
    }

    /** Exactly one drop, for this reason and with a detail containing this text; nothing delivered. */
    private void assertDroppedOnce(DropReason reason, String detail) {
        assertThat(events.dropDetails).singleElement().asString().startsWith(reason + ": ").contains(detail);
        assertThat(events.updates).as("nothing of the message is used").isEmpty();
        assertThat(events.results).isEmpty();
    }

    /** The control: the forging server's frames are good, so each refusal below is for the one broken rule. */
    @Test
    void aMessageThatKeepsEveryRuleIsAccepted() {
        receive(genuine());
        byte[] body = update();
        receive(server.frame(client.sessionId(), serverClock.nextServerId(false), 3, body.length, body, 12));
        assertThat(events.updates).hasSize(2);
        assertThat(events.drops).isEmpty();
    }

    /**
     * description, "Message Identifier (msg_id)": a server message's msg_id is 1 mod 4 (a response) or
     * 3 mod 4; an even msg_id is a client's. Such a message is dropped.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void aServerMsgIdMustBeOdd(int lowBits) {
        long msgId = (serverClock.nextServerId(false) & ~3L) | lowBits;
        receive(server.frame(client.sessionId(), msgId, 1, update()));
        assertDroppedOnce(DropReason.BAD_MESSAGE_ID, "server msg_id with low bits " + lowBits);
    }

    /**
     * description, "Important checks" / security_guidelines, "Checking msg_key": msg_key must equal the
     * middle 128 bits of SHA-256 over the auth_key fragment and the decrypted plaintext; otherwise the
     * message is discarded. Each of the 16 msg_key bytes is changed in turn (the comparison has no early
     * exit, so every position is reached).
     */
    @Test
    void msgKeyMustMatchTheSha256OfTheDecryptedData() {
        byte[] frame = genuine();
        for (int i = 8; i < 24; i++) {
            byte[] tampered = frame.clone();
            tampered[i] ^= 0x40;
            receive(tampered);
        }
        assertThat(events.dropDetails).hasSize(16)
                .allSatisfy(d -> assertThat(d).isEqualTo("SECURITY_CHECK: msg_key does not match SHA-256 of the decrypted data"));
        assertThat(events.updates).isEmpty();
    }

    /** description, "Important checks": auth_key_id must be that of the connection's key. */
    @Test
    void authKeyIdMustBeTheConnectionsKey() {
        byte[] otherKey = new byte[256];
        RandomSource.secure().nextBytes(otherKey, 0, otherKey.length);
        ForgedServer stranger = new ForgedServer(AuthKey.of(otherKey), SALT);
        receive(stranger.frame(client.sessionId(), serverClock.nextServerId(false), 1, update()));
        assertDroppedOnce(DropReason.SECURITY_CHECK, "auth_key_id does not match the connection's key");
    }

    /** security_guidelines, "Checking session_id": a message for another session_id is ignored. */
    @Test
    void sessionIdMustBeOurs() {
        receive(server.frame(client.sessionId() ^ 1, serverClock.nextServerId(false), 1, update()));
        assertDroppedOnce(DropReason.WRONG_SESSION, "session id of the message is not ours");
    }

    /**
     * description, "Important checks": MTProto 2.0 padding is 12 to 1024 bytes. Bodies of 4 bytes (an
     * update) and 16 bytes (http_wait, which the session ignores) reach both limits with whole AES blocks.
     */
    @ParameterizedTest(name = "padding {1} after a {0}-byte body")
    @CsvSource({
        "4, 12, ",
        "16, 1024, ",
        "16, 0, with at least 12 bytes of padding",
        "4, 1036, padding length 1036 is outside 12..1024",
        "16, 1040, padding length 1040 is outside 12..1024"})
    void paddingMustBe12To1024Bytes(int bodyLength, int padding, String refusal) {
        byte[] body = bodyLength == 4 ? update() : new HttpWait(0, 0, 0).toByteArray();
        assertThat(body).hasSize(bodyLength);
        receive(server.frame(client.sessionId(), serverClock.nextServerId(false), 1, bodyLength, body, padding));
        if (refusal == null) {
            assertThat(events.drops).as("padding %d is allowed", padding).isEmpty();
        } else {
            assertDroppedOnce(DropReason.SECURITY_CHECK, refusal);
        }
    }

    /**
     * description, "Important checks": message_data_length must be a multiple of 4 and fit in the
     * decrypted data with at least 12 bytes of padding after it. The frame carries 4 body bytes and 12 of
     * padding; only the declared length lies.
     */
    @ParameterizedTest(name = "message_data_length {0}")
    @CsvSource({
        "8, message_data_length 8 does not fit in 16 bytes",
        "4000, message_data_length 4000 does not fit",
        "-4, message_data_length -4 does not fit",
        "2, message_data_length 2 is not a multiple of 4"})
    void messageDataLengthMustFitAndBeAMultipleOf4(int declared, String refusal) {
        receive(server.frame(client.sessionId(), serverClock.nextServerId(false), 1, declared, update(), 12));
        assertDroppedOnce(DropReason.SECURITY_CHECK, refusal);
    }

    /** description, "Important checks": encrypted_data is whole 16-byte AES blocks, at least 48 bytes. */
    @ParameterizedTest(name = "cut by {0} bytes")
    @CsvSource({"8, encrypted_data length 56 is not a multiple of 16",
        "24, message of 64 bytes is shorter than the minimum of 72"})
    void encryptedDataMustBeWholeBlocksOfAtLeastTheSmallestMessage(int cut, String refusal) {
        byte[] body = update();
        byte[] frame = server.frame(client.sessionId(), serverClock.nextServerId(false), 1, body.length, body, 28);
        assertThat(frame).hasSize(24 + 64);
        receive(Arrays.copyOf(frame, frame.length - cut));
        assertDroppedOnce(DropReason.SECURITY_CHECK, refusal);
    }

    /**
     * security_guidelines, "Checking msg_id" / description: the client remembers the msg_ids it received
     * and ignores a message whose msg_id it saw before (a replay), even re-encrypted with another body.
     */
    @Test
    void aMsgIdSeenBeforeIsAReplay() {
        long msgId = serverClock.nextServerId(false);
        byte[] frame = server.frame(client.sessionId(), msgId, 1, update());
        receive(frame);
        receive(frame);
        receive(server.frame(client.sessionId(), msgId, 1, new NearestDc("XX", 1, 1).toByteArray()));
        assertThat(events.updates).as("only the first copy is used").hasSize(1);
        assertThat(events.dropDetails).containsExactly("DUPLICATE: msg_id seen before", "DUPLICATE: msg_id seen before");
    }

    /**
     * description, "Message Identifier": the client keeps a bounded window of received msg_ids and must
     * refuse ids older than what the window remembers (it can no longer tell them from replays).
     */
    @Test
    void aMsgIdOlderThanTheReplayWindowIsRefused() {
        long old = serverClock.nextServerId(false);
        for (int i = 0; i < 4 * REPLAY_WINDOW; i++) {
            byte[] body = new HttpWait(0, 0, 0).toByteArray();
            receive(server.frame(client.sessionId(), serverClock.nextServerId(false), 2 * i, body));
        }
        assertThat(events.drops).isEmpty();
        receive(server.frame(client.sessionId(), old, 1, update()));
        assertDroppedOnce(DropReason.TOO_OLD, "msg_id older than the replay window");
    }

    /**
     * security_guidelines, "Checking msg_id": a msg_id whose time is more than 300 s in the past or more
     * than 30 s in the future of the (corrected) server time is ignored. Both sides, just past each limit.
     */
    @ParameterizedTest(name = "{0} s from now")
    @ValueSource(ints = {-310, 40})
    void aMsgIdOutsideTheTimeWindowIsIgnored(int seconds) {
        MessageIdClock shifted = new MessageIdClock(() -> System.currentTimeMillis() + seconds * 1000L, 0);
        receive(server.frame(client.sessionId(), shifted.nextServerId(false), 1, update()));
        assertDroppedOnce(DropReason.OUTSIDE_TIME_WINDOW, "differs from server time by more than the window");
    }

    /**
     * security_guidelines, "Checking msg_id": messages outside the time window are ignored, and the one
     * kind let through (so that the server can correct our clock) is bad_msg_notification 16/17 about a
     * message we sent. A forged 16/17 about a msg_id we never sent moves nothing: dropped for its time an
     * hour ahead, or, inside the window, as not ours (service_messages_about_messages).
     */
    @ParameterizedTest(name = "code {0}, {1} s ahead")
    @CsvSource({
        "16, 3600, OUTSIDE_TIME_WINDOW: msg_id time differs from server time by more than the window",
        "17, 3600, OUTSIDE_TIME_WINDOW: msg_id time differs from server time by more than the window",
        "16, 0, NOT_OUR_MESSAGE: bad_msg_notification 16 about a msg_id we did not send",
        "17, 0, NOT_OUR_MESSAGE: bad_msg_notification 17 about a msg_id we did not send"})
    void aClockCorrectionAboutAMessageWeNeverSentMovesNothing(int code, int secondsAhead, String drop) {
        MessageIdClock ahead = new MessageIdClock(() -> System.currentTimeMillis() + secondsAhead * 1000L, 0);
        long offset = client.clock().offsetMillis();
        long neverSent = client.clock().nextClientId();
        receive(server.frame(client.sessionId(), ahead.nextServerId(false), 2,
                new BadMsgNotification(neverSent, 1, code).toByteArray()));
        assertThat(events.dropDetails).containsExactly(drop);
        assertThat(client.clock().offsetMillis()).as("the clock offset").isEqualTo(offset);
    }

    /** description, "Containers": a msg_container may not be nested inside another container. */
    @Test
    void aContainerInsideAContainerIsRefused() {
        long outer = serverClock.nextServerId(false);
        long middle = outer - 8;
        long inner = outer - 16;
        byte[] nested = ForgedServer.container(new long[] {inner}, new int[] {1}, new byte[][] {update()});
        byte[] body = ForgedServer.container(new long[] {middle}, new int[] {2}, new byte[][] {nested});
        receive(server.frame(client.sessionId(), outer, 2, body));
        assertDroppedOnce(DropReason.MALFORMED, "msg_container inside another message");
    }

    /**
     * description / service_messages, rpc_result: an answer names the req_msg_id of our query; a
     * result for a msg_id we never sent completes nothing and is dropped.
     */
    @Test
    void anRpcResultForAMsgIdWeNeverSentIsDropped() {
        long neverSent = client.clock().nextClientId();
        receive(server.frame(client.sessionId(), serverClock.nextServerId(true), 1,
                new RpcResult(neverSent, new NearestDc("XX", 1, 1)).toByteArray()));
        assertDroppedOnce(DropReason.UNKNOWN_REQUEST, "rpc_result for a call no longer waited for");
    }

    /**
     * A gzip bomb: gzip_packed whose data inflates beyond the client's bound (16 MiB) is refused before
     * the memory is reserved (the trailer's size is checked first), and a trailer that understates the
     * inflated size is caught as soon as inflation passes it.
     */
    @ParameterizedTest(name = "trailer says {0}")
    @CsvSource({"-1, more than the limit of 16777216", "10, inflates to more than the 10 bytes its trailer declares"})
    void aGzipBombIsRefusedWithinTheInflationBound(int trailerSize, String refusal) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i <= ClientSession.MAX_INFLATED_SIZE >> 20; i++) {
                gz.write(zeros);
            }
        }
        byte[] gzip = packed.toByteArray();
        if (trailerSize >= 0) {
            for (int i = 0; i < 4; i++) {
                gzip[gzip.length - 4 + i] = (byte) (trailerSize >>> (8 * i));
            }
        }
        byte[] body = new dev.mtproto.tl.mtproto.GzipPacked(gzip).toByteArray();
        receive(server.frame(client.sessionId(), serverClock.nextServerId(false), 1, body));
        assertDroppedOnce(DropReason.MALFORMED, refusal);
    }
}
