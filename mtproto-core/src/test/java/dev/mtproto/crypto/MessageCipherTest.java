package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class MessageCipherTest {
    private static final JsonNode FILE = TestVectors.load("mtproto2_msg_key.json");
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static Stream<JsonNode> kdfVectors() {
        return FILE.get("kdf_vectors").valueStream();
    }

    static Stream<JsonNode> messages() {
        return FILE.get("messages").valueStream();
    }

    private static MessageDirection direction(JsonNode v) {
        return v.get("x").asInt() == 0 ? MessageDirection.CLIENT_TO_SERVER : MessageDirection.SERVER_TO_CLIENT;
    }

    @ParameterizedTest
    @MethodSource("kdfVectors")
    void derivesAesKeyAndIv(JsonNode v) {
        AuthKey key = AuthKey.of(hex(v.get("auth_key")));
        byte[] msgKey = hex(v.get("msg_key"));
        MessageKeyDerivation kdf = new MessageKeyDerivation();
        byte[][] hashes = kdf.intermediateHashes(key, direction(v), msgKey);
        assertThat(hashes[0]).isEqualTo(hex(v.get("sha256_a")));
        assertThat(hashes[1]).isEqualTo(hex(v.get("sha256_b")));

        byte[] aesKey = new byte[40];
        byte[] aesIv = new byte[40];
        byte[] msgKeyAtOffset = new byte[20];
        System.arraycopy(msgKey, 0, msgKeyAtOffset, 3, 16);
        kdf.derive(key, direction(v), msgKeyAtOffset, 3, aesKey, 5, aesIv, 7);
        assertThat(Arrays.copyOfRange(aesKey, 5, 37)).isEqualTo(hex(v.get("aes_key")));
        assertThat(Arrays.copyOfRange(aesIv, 7, 39)).isEqualTo(hex(v.get("aes_iv")));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encryptsKnownMessageExactly(JsonNode v) {
        AuthKey key = AuthKey.of(hex(v.get("auth_key")));
        byte[] plaintext = hex(v.get("plaintext"));
        byte[] padding = hex(v.get("padding"));
        byte[] unpadded = Arrays.copyOf(plaintext, plaintext.length - padding.length);
        byte[] expectedWire = hex(v.get("wire_message"));
        MessageDirection dir = direction(v);
        ScriptedRandom random = new ScriptedRandom(padding);
        MessageCipher cipher = new MessageCipher(key, dir, random, MessageCipher.DEFAULT_MAX_ENCRYPTED_DATA_SIZE);

        int minimal = cipher.paddingLength(unpadded.length, 0);
        int extra = (padding.length - minimal) / 16;
        assertThat(cipher.paddingLength(unpadded.length, extra)).isEqualTo(padding.length);
        assertThat(cipher.wireLength(unpadded.length, extra)).isEqualTo(expectedWire.length);

        byte[] out = new byte[expectedWire.length + 10];
        int written = cipher.encrypt(unpadded, 0, unpadded.length, extra, out, 10);
        assertThat(written).isEqualTo(expectedWire.length);
        assertThat(Arrays.copyOfRange(out, 10, 10 + written)).isEqualTo(expectedWire);
        assertThat(random.remaining()).isZero();
        assertThat(Arrays.copyOfRange(out, 18, 34)).isEqualTo(hex(v.get("msg_key")));
        assertThat(hex(v.get("msg_key_large"))).containsSubsequence(hex(v.get("msg_key")));
        assertThat(MessageCipher.authKeyIdOf(out, 10)).isEqualTo(key.id());
        assertThat(Arrays.copyOfRange(out, 10, 18)).isEqualTo(hex(v.get("auth_key_id")));
        assertThat(Arrays.copyOfRange(out, 34, 10 + written)).isEqualTo(hex(v.get("encrypted_data")));

        JsonNode quickAck = v.get("quick_ack");
        if (quickAck != null && !quickAck.isNull()) {
            int token = cipher.quickAckToken();
            assertThat(Integer.toUnsignedLong(token)).isEqualTo(quickAck.get("token_uint32").asLong());
            byte[] le = new byte[4];
            INTS.set(le, 0, token);
            assertThat(le).isEqualTo(hex(quickAck.get("token_le_bytes")));
            assertThat(Integer.reverseBytes(token)).isEqualTo((int) INTS.get(hex(quickAck.get(
                    "abridged_server_reply_bytes_bswapped")), 0));
        }
    }

    @ParameterizedTest
    @MethodSource("messages")
    void plaintextInPlaceGivesTheSameWire(JsonNode v) {
        AuthKey key = AuthKey.of(hex(v.get("auth_key")));
        byte[] plaintext = hex(v.get("plaintext"));
        byte[] padding = hex(v.get("padding"));
        int unpaddedLength = plaintext.length - padding.length;
        byte[] expectedWire = hex(v.get("wire_message"));
        MessageCipher cipher = new MessageCipher(key, direction(v), new ScriptedRandom(padding), 1 << 20);
        int extra = (padding.length - cipher.paddingLength(unpaddedLength, 0)) / 16;

        byte[] buffer = new byte[expectedWire.length];
        System.arraycopy(plaintext, 0, buffer, MessageCipher.WIRE_HEADER_SIZE, unpaddedLength);
        cipher.encrypt(buffer, MessageCipher.WIRE_HEADER_SIZE, unpaddedLength, extra, buffer, 0);
        assertThat(buffer).isEqualTo(expectedWire);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void receiverDecryptsKnownMessageAndComputesQuickAck(JsonNode v) {
        AuthKey key = AuthKey.of(hex(v.get("auth_key")));
        byte[] wire = hex(v.get("wire_message"));
        byte[] plaintext = hex(v.get("plaintext"));
        byte[] padding = hex(v.get("padding"));
        MessageCipher receiver = new MessageCipher(key, direction(v).reverse(), new ScriptedRandom(), 1 << 20);

        byte[] out = new byte[wire.length];
        int meaningful = receiver.decrypt(wire, 0, wire.length, out, 0);
        assertThat(meaningful).isEqualTo(plaintext.length - padding.length);
        assertThat(Arrays.copyOf(out, wire.length - 24)).isEqualTo(plaintext);
        assertThat(receiver.decrypt(wire)).isEqualTo(Arrays.copyOf(plaintext, meaningful));

        // In place: decrypted data lands right after the 24-byte header.
        byte[] inPlace = wire.clone();
        receiver.decrypt(inPlace, 0, inPlace.length, inPlace, MessageCipher.WIRE_HEADER_SIZE);
        assertThat(Arrays.copyOfRange(inPlace, 24, inPlace.length)).isEqualTo(plaintext);

        JsonNode quickAck = v.get("quick_ack");
        if (quickAck != null && !quickAck.isNull()) {
            assertThat(Integer.toUnsignedLong(receiver.receivedQuickAckToken()))
                    .isEqualTo(quickAck.get("token_uint32").asLong());
        }
    }

    @Test
    void randomRoundTripsInBothDirections() {
        Random random = new Random(2024);
        byte[] keyBytes = new byte[256];
        random.nextBytes(keyBytes);
        AuthKey key = AuthKey.of(keyBytes);
        MessageCipher client = MessageCipher.forClient(key);
        MessageCipher server = MessageCipher.forServer(key);
        for (int i = 0; i < 300; i++) {
            int bodyLength = 4 * random.nextInt(i < 250 ? 300 : 20000);
            byte[] plain = message(random, bodyLength);
            int maxExtra = (1024 - client.paddingLength(plain.length, 0)) / 16;
            int extra = random.nextInt(maxExtra + 1);
            boolean fromClient = random.nextBoolean();
            MessageCipher sender = fromClient ? client : server;
            MessageCipher receiver = fromClient ? server : client;

            byte[] wire = sender.encrypt(plain, extra);
            assertThat(wire.length % 16).isEqualTo(8);
            int padding = wire.length - 24 - plain.length;
            assertThat(padding).isBetween(12, 1024);
            assertThat(receiver.decrypt(wire)).isEqualTo(plain);
            assertThat(receiver.receivedQuickAckToken()).isEqualTo(sender.quickAckToken());
            // The sender cannot read its own message: the other x is used.
            assertThatThrownBy(() -> sender.decrypt(wire))
                    .isInstanceOf(SecurityCheckException.class).hasMessageContaining("msg_key");
        }
    }

    @Test
    void aCipherWhoseKeyWasDestroyedRefusesToEncryptOrDecrypt() {
        Random random = new Random(12);
        AuthKey key = randomKey(random);
        MessageCipher client = MessageCipher.forClient(key);
        AuthKey serverKey = AuthKey.of(key.toByteArray());
        MessageCipher server = MessageCipher.forServer(serverKey);
        byte[] plain = message(random, 64);
        byte[] wire = server.encrypt(plain, 0);
        assertThat(client.decrypt(wire)).isEqualTo(plain);

        key.destroy();

        String destroyed = "auth key " + String.format("%016x", key.id()) + " was destroyed";
        assertThatThrownBy(() -> client.encrypt(plain, 0)).isInstanceOf(IllegalStateException.class).hasMessage(destroyed);
        assertThatThrownBy(() -> client.decrypt(wire)).isInstanceOf(IllegalStateException.class).hasMessage(destroyed);
        assertThat(MessageCipher.forClient(serverKey).decrypt(server.encrypt(plain, 0))).isEqualTo(plain); // the other copy works
    }

    @Test
    void randomPaddingChangesTheCiphertextOfEqualMessages() {
        AuthKey key = AuthKey.of(new byte[256]);
        MessageCipher client = MessageCipher.forClient(key);
        byte[] plain = message(new Random(1), 64);
        assertThat(client.encrypt(plain, 0)).isNotEqualTo(client.encrypt(plain, 0));
    }

    @Test
    void rejectsTamperedMessages() {
        Random random = new Random(5);
        AuthKey key = randomKey(random);
        MessageCipher client = MessageCipher.forClient(key);
        MessageCipher server = MessageCipher.forServer(key);
        byte[] wire = client.encrypt(message(random, 100), 2);

        byte[] badMsgKey = wire.clone();
        badMsgKey[12] ^= 1;
        assertRejected(server, badMsgKey, "msg_key does not match");

        byte[] badData = wire.clone();
        badData[wire.length - 1] ^= (byte) 0x80;
        assertRejected(server, badData, "msg_key does not match");

        byte[] badKeyId = wire.clone();
        badKeyId[0] ^= 1;
        assertRejected(server, badKeyId, "auth_key_id does not match");

        MessageCipher otherKeyServer = MessageCipher.forServer(randomKey(random));
        assertRejected(otherKeyServer, wire, "auth_key_id does not match");

        assertRejected(server, Arrays.copyOf(wire, wire.length - 8), "not a multiple of 16");
        assertRejected(server, Arrays.copyOf(wire, 24 + 32), "shorter than the minimum of 72");
        assertRejected(server, new byte[0], "shorter than the minimum");

        MessageCipher strict = new MessageCipher(key, MessageDirection.SERVER_TO_CLIENT, RandomSource.secure(), 64);
        assertRejected(strict, wire, "exceeds the limit of 64");
    }

    @Test
    void failedCheckZeroesTheOutput() {
        Random random = new Random(6);
        AuthKey key = randomKey(random);
        byte[] wire = MessageCipher.forClient(key).encrypt(message(random, 40), 0);
        wire[30] ^= 4;
        byte[] out = new byte[wire.length];
        Arrays.fill(out, (byte) 7);
        assertThatThrownBy(() -> MessageCipher.forServer(key).decrypt(wire, 0, wire.length, out, 0))
                .isInstanceOf(SecurityCheckException.class);
        assertThat(Arrays.copyOf(out, wire.length - 24)).containsOnly(0);
    }

    @Test
    void rejectsBadMessageDataLengthAndPaddingEvenWithAValidMsgKey() {
        Random random = new Random(9);
        AuthKey key = randomKey(random);
        MessageCipher server = MessageCipher.forServer(key);

        // Padding shorter than 12: 32 + 40 body + 8 padding = 80.
        assertRejected(server, ReferenceMessageEncoder.encode(key, header(random, 40), randomBytes(random, 40),
                randomBytes(random, 8)), "at least 12 bytes of padding");
        // Padding longer than 1024.
        assertRejected(server, ReferenceMessageEncoder.encode(key, header(random, 16), randomBytes(random, 16),
                randomBytes(random, 1040)), "padding length 1040 is outside 12..1024");
        // Declared length larger than the data.
        assertRejected(server, ReferenceMessageEncoder.encode(key, header(random, 4000), randomBytes(random, 40),
                randomBytes(random, 24)), "message_data_length 4000 does not fit");
        // Negative declared length.
        assertRejected(server, ReferenceMessageEncoder.encode(key, header(random, -4), randomBytes(random, 40),
                randomBytes(random, 24)), "message_data_length -4 does not fit");
        // Declared length not a multiple of 4 (data 42 + padding 22).
        assertRejected(server, ReferenceMessageEncoder.encode(key, header(random, 42), randomBytes(random, 42),
                randomBytes(random, 22)), "not a multiple of 4");
        // And the reference encoder is right when everything is valid.
        byte[] body = randomBytes(random, 40);
        byte[] head = header(random, 40);
        byte[] ok = ReferenceMessageEncoder.encode(key, head, body, randomBytes(random, 24));
        byte[] expected = new byte[72];
        System.arraycopy(head, 0, expected, 0, 32);
        System.arraycopy(body, 0, expected, 32, 40);
        assertThat(server.decrypt(ok)).isEqualTo(expected);
    }

    @Test
    void rejectsBadEncryptArguments() {
        MessageCipher client = MessageCipher.forClient(AuthKey.of(new byte[256]));
        assertThatThrownBy(() -> client.encrypt(new byte[20], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than its 32-byte header");
        byte[] lying = message(new Random(3), 16);
        INTS.set(lying, 28, 20);
        assertThatThrownBy(() -> client.encrypt(lying, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message_data_length field says 20");
        assertThatThrownBy(() -> client.paddingLength(100, 64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit of 1024");
        assertThat(client.paddingLength(100, 0)).isEqualTo(12);
        assertThat(client.paddingLength(104, 0)).isEqualTo(24);
        assertThat(client.paddingLength(44, 0)).isEqualTo(20);
        assertThat(client.paddingLength(48, 0)).isEqualTo(16);
        assertThat(client.paddingLength(52, 0)).isEqualTo(12);
        assertThatThrownBy(() -> client.paddingLength(52, -1)).isInstanceOf(IllegalArgumentException.class);
        for (int len = 32; len < 200; len += 4) {
            int pad = client.paddingLength(len, 0);
            assertThat(pad).isBetween(12, 27);
            assertThat((len + pad) % 16).isZero();
        }
    }

    @Test
    void toStringHidesTheKey() {
        byte[] keyBytes = new byte[256];
        Arrays.fill(keyBytes, (byte) 0xAB);
        AuthKey key = AuthKey.of(keyBytes);
        assertThat(MessageCipher.forClient(key).toString()).doesNotContainIgnoringCase("abab");
    }

    private static void assertRejected(MessageCipher receiver, byte[] wire, String check) {
        assertThatThrownBy(() -> receiver.decrypt(wire))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining(check);
    }

    private static AuthKey randomKey(Random random) {
        byte[] bytes = new byte[256];
        random.nextBytes(bytes);
        return AuthKey.of(bytes);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] header(Random random, int declaredLength) {
        byte[] h = randomBytes(random, 32);
        INTS.set(h, 28, declaredLength);
        return h;
    }

    static byte[] message(Random random, int bodyLength) {
        byte[] m = randomBytes(random, 32 + bodyLength);
        INTS.set(m, 28, bodyLength);
        return m;
    }

    /** Independent client-to-server encoder straight from the formulas, with no checks at all. */
    static final class ReferenceMessageEncoder {
        static byte[] encode(AuthKey key, byte[] header, byte[] body, byte[] padding) {
            byte[] plain = new byte[header.length + body.length + padding.length];
            System.arraycopy(header, 0, plain, 0, 32);
            System.arraycopy(body, 0, plain, 32, body.length);
            System.arraycopy(padding, 0, plain, 32 + body.length, padding.length);
            byte[] k = key.toByteArray();
            byte[] large = Digests.sha256(Arrays.copyOfRange(k, 88, 120), plain);
            byte[] msgKey = Arrays.copyOfRange(large, 8, 24);
            byte[] a = Digests.sha256(msgKey, Arrays.copyOfRange(k, 0, 36));
            byte[] b = Digests.sha256(Arrays.copyOfRange(k, 40, 76), msgKey);
            byte[] aesKey = concat(Arrays.copyOfRange(a, 0, 8), Arrays.copyOfRange(b, 8, 24), Arrays.copyOfRange(a, 24, 32));
            byte[] aesIv = concat(Arrays.copyOfRange(b, 0, 8), Arrays.copyOfRange(a, 8, 24), Arrays.copyOfRange(b, 24, 32));
            byte[] encrypted = AesIgeTest.ReferenceIge.encrypt(aesKey, aesIv, plain);
            byte[] id = Arrays.copyOfRange(Digests.sha1(k), 12, 20);
            return concat(id, msgKey, encrypted);
        }

        static byte[] concat(byte[]... parts) {
            int n = 0;
            for (byte[] p : parts) {
                n += p.length;
            }
            byte[] out = new byte[n];
            int pos = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, pos, p.length);
                pos += p.length;
            }
            return out;
        }
    }
}
