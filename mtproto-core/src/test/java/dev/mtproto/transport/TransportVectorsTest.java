package dev.mtproto.transport;

import static dev.mtproto.transport.Vectors.concat;
import static dev.mtproto.transport.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.transport.InboundEvent.Frame;
import dev.mtproto.transport.InboundEvent.QuickAck;
import dev.mtproto.transport.InboundEvent.TransportError;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every vector of {@code transports.json} (and the quick-ack tokens of {@code mtproto2_msg_key.json}), both directions. */
class TransportVectorsTest {

    private static final JsonNode FILE = Vectors.load("transports.json");
    private static final int MAX = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;

    static Stream<JsonNode> vectors() {
        return StreamSupport.stream(FILE.get("vectors").spliterator(), false);
    }

    private static byte[] encode(FrameCodec codec, byte[] payload, boolean quickAck) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(payload, 0, payload.length, quickAck, out::write);
        return out.toByteArray();
    }

    private static ScriptedRandom padding(byte[] pad) {
        return new ScriptedRandom(new byte[] {(byte) pad.length}, pad);
    }

    /** Decodes {@code wire} with a fresh codec per chunking and checks every chunking gives {@code expected}. */
    private static void assertDecodes(TransportKind kind, TransportSide side, byte[] wire, List<InboundEvent> expected) {
        for (Chunking chunking : Chunking.standard(wire.length, wire.length)) {
            FrameCodec codec = kind.newCodec(side, MAX, new ScriptedRandom());
            List<InboundEvent> events = new ArrayList<>();
            chunking.feed(wire, (b, off, len) -> codec.decode(b, off, len, InboundEvent.collectInto(events)));
            assertThat(events).as("%s %s, %s", kind, side, chunking).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{index}: client encodes {0}")
    @MethodSource("vectors")
    void clientEncodesEveryFraming(JsonNode v) {
        byte[] payload = hex(v, "payload");
        assertThat(encode(new AbridgedCodec(TransportSide.CLIENT, MAX), payload, false)).isEqualTo(hex(v, "abridged"));
        assertThat(encode(new AbridgedCodec(TransportSide.CLIENT, MAX), payload, true))
                .isEqualTo(hex(v, "abridged_quick_ack"));
        assertThat(encode(new IntermediateCodec(TransportSide.CLIENT, MAX), payload, false))
                .isEqualTo(hex(v, "intermediate"));
        assertThat(encode(new IntermediateCodec(TransportSide.CLIENT, MAX), payload, true))
                .isEqualTo(hex(v, "intermediate_quick_ack"));
        ScriptedRandom random = padding(hex(v, "padded_intermediate_padding"));
        assertThat(encode(new PaddedIntermediateCodec(TransportSide.CLIENT, MAX, random), payload, false))
                .isEqualTo(hex(v, "padded_intermediate"));
        assertThat(random.exhausted()).isTrue();
        FullCodec full = new FullCodec(TransportSide.CLIENT, MAX);
        assertThat(encode(full, payload, false)).isEqualTo(hex(v, "full_seq0"));
        assertThat(encode(full, payload, false)).isEqualTo(hex(v, "full_seq1"));
    }

    @ParameterizedTest(name = "{index}: server encodes {0}")
    @MethodSource("vectors")
    void serverEncodesTheSameFrames(JsonNode v) {
        byte[] payload = hex(v, "payload");
        assertThat(encode(new AbridgedCodec(TransportSide.SERVER, MAX), payload, false)).isEqualTo(hex(v, "abridged"));
        assertThat(encode(new IntermediateCodec(TransportSide.SERVER, MAX), payload, false))
                .isEqualTo(hex(v, "intermediate"));
        ScriptedRandom random = padding(hex(v, "padded_intermediate_padding"));
        assertThat(encode(new PaddedIntermediateCodec(TransportSide.SERVER, MAX, random), payload, false))
                .isEqualTo(hex(v, "padded_intermediate"));
        FullCodec full = new FullCodec(TransportSide.SERVER, MAX);
        assertThat(encode(full, payload, false)).isEqualTo(hex(v, "full_seq0"));
        assertThat(encode(full, payload, false)).isEqualTo(hex(v, "full_seq1"));
    }

    @ParameterizedTest(name = "{index}: server decodes {0}")
    @MethodSource("vectors")
    void serverDecodesEveryFramingInEveryChunking(JsonNode v) {
        byte[] payload = hex(v, "payload");
        Frame plain = new Frame(payload, false);
        Frame flagged = new Frame(payload, true);
        assertDecodes(TransportKind.ABRIDGED, TransportSide.SERVER, hex(v, "abridged"), List.of(plain));
        assertDecodes(TransportKind.ABRIDGED, TransportSide.SERVER, hex(v, "abridged_quick_ack"), List.of(flagged));
        assertDecodes(TransportKind.INTERMEDIATE, TransportSide.SERVER, hex(v, "intermediate"), List.of(plain));
        assertDecodes(TransportKind.INTERMEDIATE, TransportSide.SERVER, hex(v, "intermediate_quick_ack"),
                List.of(flagged));
        byte[] padded = hex(v, "padded_intermediate");
        byte[] body = Arrays.copyOfRange(padded, 4, padded.length);
        assertDecodes(TransportKind.PADDED_INTERMEDIATE, TransportSide.SERVER, padded,
                List.of(new Frame(Arrays.copyOf(body, body.length & ~3), false)));
        assertDecodes(TransportKind.FULL, TransportSide.SERVER, concat(hex(v, "full_seq0"), hex(v, "full_seq1")),
                List.of(plain, plain));
    }

    @ParameterizedTest(name = "{index}: client decodes {0}")
    @MethodSource("vectors")
    void clientDecodesServerFramesInEveryChunking(JsonNode v) {
        byte[] payload = hex(v, "payload");
        Frame plain = new Frame(payload, false);
        assertDecodes(TransportKind.ABRIDGED, TransportSide.CLIENT, hex(v, "abridged"), List.of(plain));
        assertDecodes(TransportKind.INTERMEDIATE, TransportSide.CLIENT, hex(v, "intermediate"), List.of(plain));
        byte[] padded = hex(v, "padded_intermediate");
        byte[] body = Arrays.copyOfRange(padded, 4, padded.length);
        assertDecodes(TransportKind.PADDED_INTERMEDIATE, TransportSide.CLIENT, padded,
                List.of(new Frame(Arrays.copyOf(body, body.length & ~3), false)));
        assertDecodes(TransportKind.FULL, TransportSide.CLIENT, concat(hex(v, "full_seq0"), hex(v, "full_seq1")),
                List.of(plain, plain));
    }

    @Test
    void paddedFramesKeepThePayloadAndAtMostTwelvePaddingBytes() {
        vectors().forEach(v -> {
            byte[] payload = hex(v, "payload");
            byte[] padded = hex(v, "padded_intermediate");
            List<InboundEvent> events = new ArrayList<>();
            new PaddedIntermediateCodec(TransportSide.SERVER, MAX, new ScriptedRandom())
                    .decode(padded, 0, padded.length, InboundEvent.collectInto(events));
            byte[] got = ((Frame) events.get(0)).payload();
            assertThat(Arrays.copyOf(got, payload.length)).isEqualTo(payload);
            assertThat(got.length - payload.length).isBetween(0, 12);
        });
    }

    @Test
    void wholeStreamsMatchAndAreDetectedByTheServer() {
        JsonNode streams = FILE.get("streams");
        byte[] step1 = hex(FILE.get("vectors").get(0), "payload");
        byte[] step5 = hex(FILE.get("vectors").get(1), "payload");
        byte[] pad5 = hex(FILE.get("vectors").get(1), "padded_intermediate_padding");
        record Case(TransportKind kind, String field, RandomSource random) {
        }
        List<Case> cases = List.of(
                new Case(TransportKind.ABRIDGED, "abridged", new ScriptedRandom()),
                new Case(TransportKind.INTERMEDIATE, "intermediate", new ScriptedRandom()),
                new Case(TransportKind.PADDED_INTERMEDIATE, "padded_intermediate",
                        new ScriptedRandom(new byte[] {0}, new byte[] {(byte) pad5.length}, pad5)),
                new Case(TransportKind.FULL, "full", new ScriptedRandom()));
        for (Case c : cases) {
            ClientTransport client = ClientTransport.builder(c.kind()).random(c.random()).build();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(client.connectionPreamble());
            client.encode(step1, 0, step1.length, false, wire::write);
            client.encode(step5, 0, step5.length, false, wire::write);
            byte[] expected = hex(streams, c.field());
            assertThat(wire.toByteArray()).as(c.field()).isEqualTo(expected);

            for (Chunking chunking : Chunking.standard(expected.length, 7)) {
                ServerTransport server = ServerTransport.builder().build();
                List<InboundEvent> events = new ArrayList<>();
                chunking.feed(expected, (b, off, len) -> server.decode(b, off, len, InboundEvent.collectInto(events)));
                assertThat(server.kind()).isEqualTo(c.kind());
                assertThat(server.obfuscated()).isFalse();
                assertThat(events).as("%s %s", c.field(), chunking).hasSize(2);
                assertThat(((Frame) events.get(0)).payload()).isEqualTo(step1);
                byte[] second = ((Frame) events.get(1)).payload();
                assertThat(Arrays.copyOf(second, step5.length)).isEqualTo(step5);
            }
        }
    }

    @Test
    void transportErrorsAreEventsOnTheClientAndEncodedByTheServer() {
        for (JsonNode e : FILE.get("transport_errors")) {
            int code = e.get("code").asInt();
            byte[] abridged = hex(e, "abridged");
            byte[] intermediate = hex(e, "intermediate");
            assertThat(hex(e, "body")).isEqualTo(Arrays.copyOfRange(intermediate, 4, 8));
            assertDecodes(TransportKind.ABRIDGED, TransportSide.CLIENT, abridged, List.of(new TransportError(code)));
            assertDecodes(TransportKind.INTERMEDIATE, TransportSide.CLIENT, intermediate,
                    List.of(new TransportError(code)));
            assertDecodes(TransportKind.PADDED_INTERMEDIATE, TransportSide.CLIENT, intermediate,
                    List.of(new TransportError(code)));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new AbridgedCodec(TransportSide.SERVER, MAX).encodeTransportError(code, out::write);
            assertThat(out.toByteArray()).isEqualTo(abridged);
            out.reset();
            new IntermediateCodec(TransportSide.SERVER, MAX).encodeTransportError(code, out::write);
            assertThat(out.toByteArray()).isEqualTo(intermediate);
            out.reset();
            new PaddedIntermediateCodec(TransportSide.SERVER, MAX, new ScriptedRandom())
                    .encodeTransportError(code, out::write);
            assertThat(out.toByteArray()).isEqualTo(intermediate);

            FrameCodec codec = new IntermediateCodec(TransportSide.CLIENT, MAX);
            assertThatThrownBy(() -> codec.decode(intermediate, 0, intermediate.length, (b, off, len, q) -> {
                throw new AssertionError("a transport error is not a frame");
            })).isInstanceOfSatisfying(TransportErrorException.class, x -> assertThat(x.code()).isEqualTo(code))
                    .hasMessageContaining(String.valueOf(code));
        }
    }

    @Test
    void transportErrorsInTheFullTransport() {
        FullCodec server = new FullCodec(TransportSide.SERVER, MAX);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.encodeTransportError(-404, out::write);
        byte[] framed = out.toByteArray();
        assertThat(framed).hasSize(16);
        assertDecodes(TransportKind.FULL, TransportSide.CLIENT, framed, List.of(new TransportError(-404)));
        // the bare code instead of a frame (seen from servers): one error, the rest of the stream ignored
        byte[] bare = concat(new byte[] {0x53, (byte) 0xfe, (byte) 0xff, (byte) 0xff},
                new byte[] {0x53, (byte) 0xfe, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5});
        assertDecodes(TransportKind.FULL, TransportSide.CLIENT, bare, List.of(new TransportError(-429)));
    }

    @Test
    void quickAckTokensAsSentByTheServer() {
        JsonNode msgKeys = Vectors.load("mtproto2_msg_key.json");
        int seen = 0;
        for (JsonNode m : msgKeys.get("messages")) {
            JsonNode qa = m.get("quick_ack");
            if (qa == null || qa.isNull()) {
                continue;
            }
            seen++;
            int token = (int) qa.get("token_uint32").asLong();
            byte[] abridged = hex(qa, "abridged_server_reply_bytes_bswapped");
            byte[] intermediate = hex(qa, "intermediate_server_reply_bytes");
            assertDecodes(TransportKind.ABRIDGED, TransportSide.CLIENT, abridged, List.of(new QuickAck(token)));
            assertDecodes(TransportKind.INTERMEDIATE, TransportSide.CLIENT, intermediate, List.of(new QuickAck(token)));
            assertDecodes(TransportKind.PADDED_INTERMEDIATE, TransportSide.CLIENT, intermediate,
                    List.of(new QuickAck(token)));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new AbridgedCodec(TransportSide.SERVER, MAX).encodeQuickAck(token, out::write);
            assertThat(out.toByteArray()).isEqualTo(abridged);
            out.reset();
            new IntermediateCodec(TransportSide.SERVER, MAX).encodeQuickAck(token, out::write);
            assertThat(out.toByteArray()).isEqualTo(intermediate);
            out.reset();
            new PaddedIntermediateCodec(TransportSide.SERVER, MAX, new ScriptedRandom()).encodeQuickAck(token, out::write);
            assertThat(out.toByteArray()).isEqualTo(intermediate);
        }
        assertThat(seen).isEqualTo(2);
    }

    @Test
    void quickAckTokenBetweenFramesKeepsTheStreamInStep() {
        byte[] payload = hex(FILE.get("vectors").get(3), "payload"); // 508 bytes, long abridged form
        for (TransportKind kind : new TransportKind[] {TransportKind.ABRIDGED, TransportKind.INTERMEDIATE}) {
            FrameCodec server = kind.newCodec(TransportSide.SERVER, MAX, new ScriptedRandom());
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            server.encode(payload, 0, payload.length, false, wire::write);
            server.encodeQuickAck(0x8abcdef1, wire::write);
            server.encode(payload, 0, payload.length, false, wire::write);
            assertDecodes(kind, TransportSide.CLIENT, wire.toByteArray(), List.of(new Frame(payload, false),
                    new QuickAck(0x8abcdef1), new Frame(payload, false)));
        }
    }
}
