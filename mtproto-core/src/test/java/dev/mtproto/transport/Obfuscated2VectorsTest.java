package dev.mtproto.transport;

import static dev.mtproto.transport.Vectors.concat;
import static dev.mtproto.transport.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.transport.InboundEvent.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every case of {@code obfuscated2.json}: keys, header, first frames both ways, and the server side. */
class Obfuscated2VectorsTest {

    private static final JsonNode FILE = Vectors.load("obfuscated2.json");
    private static final JsonNode AUTH = Vectors.load("auth_key_sample.json");
    private static final byte[] CLIENT_PAYLOAD = hex(AUTH.get("step1_req_pq_multi"), "payload");
    private static final byte[] SERVER_PAYLOAD = hex(AUTH.get("step2_resPQ"), "payload");
    private static final byte[] CLIENT_PADDING = hex(FILE.get("payloads"), "padded_intermediate_padding_client");
    private static final byte[] SERVER_PADDING = hex(FILE.get("payloads"), "padded_intermediate_padding_server");

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(FILE.get("vectors").spliterator(), false);
    }

    private static TransportKind kind(JsonNode v) {
        int tag = (int) Long.parseLong(v.get("protocol_tag").asString(), 16);
        return TransportKind.fromObfuscationTag(tag).orElseThrow();
    }

    private static MtproxySecret secret(JsonNode v) {
        JsonNode s = v.get("secret");
        return s == null || s.isNull() ? null : MtproxySecret.fromHex(s.asString());
    }

    private static OptionalInt dc(JsonNode v) {
        JsonNode d = v.get("dc_id");
        return d == null || d.isNull() ? OptionalInt.empty() : OptionalInt.of(d.asInt());
    }

    /** The client's random script: the init header, then (padded only) the padding length and bytes. */
    private static ScriptedRandom clientRandom(JsonNode v) {
        byte[] init = hex(v, "init_plain");
        return kind(v) == TransportKind.PADDED_INTERMEDIATE
                ? new ScriptedRandom(init, new byte[] {(byte) CLIENT_PADDING.length}, CLIENT_PADDING)
                : new ScriptedRandom(init);
    }

    private static ScriptedRandom serverRandom(JsonNode v) {
        return kind(v) == TransportKind.PADDED_INTERMEDIATE
                ? new ScriptedRandom(new byte[] {(byte) SERVER_PADDING.length}, SERVER_PADDING)
                : new ScriptedRandom();
    }

    private static ClientTransport client(JsonNode v) {
        ClientTransport.Builder b = ClientTransport.builder(kind(v)).obfuscated(true).mtproxySecret(secret(v))
                .random(clientRandom(v));
        dc(v).ifPresent(b::dcId);
        return b.build();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void headerAndKeys(JsonNode v) throws Exception {
        byte[] init = hex(v, "init_plain");
        Obfuscated2Header header = Obfuscated2Header.generate(kind(v), dc(v), new ScriptedRandom(init));
        assertThat(header.bytes()).isEqualTo(init);
        assertThat(Obfuscated2Header.hasAllowedStart(init)).isTrue();
        assertThat(header.kind()).isEqualTo(kind(v));
        dc(v).ifPresent(dc -> assertThat(header.dcId()).isEqualTo(dc));
        if (dc(v).isPresent()) {
            assertThat(Arrays.copyOfRange(init, 60, 62)).isEqualTo(hex(v, "dc_id_int16_le"));
        }
        byte[] reversed = init.clone();
        for (int i = 0; i < 32; i++) {
            byte t = reversed[i];
            reversed[i] = reversed[63 - i];
            reversed[63 - i] = t;
        }
        assertThat(reversed).isEqualTo(hex(v, "init_reversed"));

        Obfuscated2Keys raw = Obfuscated2Keys.derive(init, 0, null);
        assertThat(raw.encryptKey()).isEqualTo(hex(v, "encrypt_key_raw"));
        assertThat(raw.decryptKey()).isEqualTo(hex(v, "decrypt_key_raw"));
        Obfuscated2Keys keys = Obfuscated2Keys.derive(init, 0, secret(v));
        assertThat(keys.encryptKey()).isEqualTo(hex(v, "encrypt_key"));
        assertThat(keys.encryptIv()).isEqualTo(hex(v, "encrypt_iv"));
        assertThat(keys.decryptKey()).isEqualTo(hex(v, "decrypt_key"));
        assertThat(keys.decryptIv()).isEqualTo(hex(v, "decrypt_iv"));
        assertThat(keys.forServer().encryptKey()).isEqualTo(hex(v, "decrypt_key"));
        assertThat(keys.forServer().decryptIv()).isEqualTo(hex(v, "encrypt_iv"));

        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.encryptKey(), "AES"), new IvParameterSpec(keys.encryptIv()));
        assertThat(aes.doFinal(init)).isEqualTo(hex(v, "init_encrypted_full"));
        assertThat(ObfuscatedStream.client(header, secret(v)).preamble()).isEqualTo(hex(v, "header_sent"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void clientWireBytes(JsonNode v) {
        ClientTransport client = client(v);
        assertThat(client.obfuscated()).isTrue();
        assertThat(client.connectionPreamble()).isEqualTo(hex(v, "header_sent"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.encode(CLIENT_PAYLOAD, 0, CLIENT_PAYLOAD.length, false, out::write);
        assertThat(out.toByteArray()).isEqualTo(hex(v, "client_first_frame_encrypted"));
        assertThat(concat(client.connectionPreamble(), out.toByteArray())).isEqualTo(hex(v, "client_bytes_on_wire"));

        // the plain frame inside is the framing of the same payload
        ScriptedRandom pad = new ScriptedRandom(new byte[] {(byte) CLIENT_PADDING.length}, CLIENT_PADDING);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        kind(v).newCodec(TransportSide.CLIENT, FrameCodec.DEFAULT_MAX_FRAME_LENGTH, pad)
                .encode(CLIENT_PAYLOAD, 0, CLIENT_PAYLOAD.length, false, plain::write);
        assertThat(plain.toByteArray()).isEqualTo(hex(v, "client_first_frame_plain"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void clientDecodesTheServersFirstFrameInEveryChunking(JsonNode v) {
        byte[] wire = hex(v, "server_first_frame_encrypted");
        byte[] plain = hex(v, "server_first_frame_plain");
        int header = kind(v) == TransportKind.ABRIDGED ? 1 : 4;
        byte[] body = Arrays.copyOfRange(plain, header, plain.length);
        byte[] expected = Arrays.copyOf(body, body.length & ~3);
        assertThat(Arrays.copyOf(expected, SERVER_PAYLOAD.length)).isEqualTo(SERVER_PAYLOAD);
        for (Chunking chunking : Chunking.standard(wire.length, 11)) {
            ClientTransport client = client(v);
            List<InboundEvent> events = new ArrayList<>();
            chunking.feed(wire, (b, off, len) -> client.decode(b, off, len, InboundEvent.collectInto(events)));
            assertThat(events).as(chunking.name()).containsExactly(new Frame(expected, false));
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void serverDetectsDecodesAndAnswers(JsonNode v) {
        byte[] wire = hex(v, "client_bytes_on_wire");
        for (Chunking chunking : Chunking.standard(wire.length, 13)) {
            ServerTransport server = ServerTransport.builder().mtproxySecret(secret(v)).random(serverRandom(v)).build();
            List<InboundEvent> events = new ArrayList<>();
            chunking.feed(wire, (b, off, len) -> server.decode(b, off, len, InboundEvent.collectInto(events)));
            assertThat(server.isDetected()).isTrue();
            assertThat(server.kind()).isEqualTo(kind(v));
            assertThat(server.obfuscated()).isTrue();
            assertThat(server.obfuscationHeader().orElseThrow().bytes()).isEqualTo(hex(v, "init_plain"));
            dc(v).ifPresent(dc -> assertThat(server.dcId()).hasValue(dc));
            assertThat(events).as(chunking.name()).hasSize(1);
            byte[] got = ((Frame) events.get(0)).payload();
            assertThat(Arrays.copyOf(got, CLIENT_PAYLOAD.length)).isEqualTo(CLIENT_PAYLOAD);
            assertThat(got.length - CLIENT_PAYLOAD.length).isBetween(0, 12);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            server.encode(SERVER_PAYLOAD, 0, SERVER_PAYLOAD.length, out::write);
            assertThat(out.toByteArray()).isEqualTo(hex(v, "server_first_frame_encrypted"));
        }
    }
}
