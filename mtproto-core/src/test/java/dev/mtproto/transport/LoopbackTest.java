package dev.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.transport.InboundEvent.Frame;
import dev.mtproto.transport.InboundEvent.QuickAck;
import dev.mtproto.transport.InboundEvent.TransportError;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client to server to client through the whole pipelines, for every framing with and without
 * obfuscation and MTProxy secrets, under random chunking in both directions.
 */
class LoopbackTest {

    private static final MtproxySecret SIMPLE = MtproxySecret.fromHex("00112233445566778899aabbccddeeff");
    private static final MtproxySecret PADDED = MtproxySecret.fromHex("dd99999999999999999999999999999999");

    enum Wrapping { PLAIN, OBFUSCATED, MTPROXY, MTPROXY_DD }

    static Stream<Arguments> setups() {
        List<Arguments> out = new ArrayList<>();
        for (TransportKind kind : TransportKind.values()) {
            out.add(Arguments.of(kind, Wrapping.PLAIN));
            if (kind.supportsObfuscation()) {
                out.add(Arguments.of(kind, Wrapping.OBFUSCATED));
                out.add(Arguments.of(kind, Wrapping.MTPROXY));
            }
        }
        out.add(Arguments.of(TransportKind.PADDED_INTERMEDIATE, Wrapping.MTPROXY_DD));
        return out.stream();
    }

    private static MtproxySecret secret(Wrapping w) {
        return switch (w) {
            case PLAIN, OBFUSCATED -> null;
            case MTPROXY -> SIMPLE;
            case MTPROXY_DD -> PADDED;
        };
    }

    private static RandomSource seeded(long seed) {
        Random r = new Random(seed);
        return (dst, off, len) -> {
            for (int i = 0; i < len; i++) {
                dst[off + i] = (byte) r.nextInt(256);
            }
        };
    }

    private static byte[] payload(Random rnd, int len) {
        byte[] p = new byte[len];
        rnd.nextBytes(p);
        return p;
    }

    private static List<byte[]> payloads(Random rnd) {
        List<byte[]> out = new ArrayList<>();
        for (int len : new int[] {4, 8, 12, 16, 20, 24, 40, 500, 504, 508, 512, 1024, 4096, 65536}) {
            out.add(payload(rnd, len));
        }
        for (int i = 0; i < 30; i++) {
            out.add(payload(rnd, 4 * (1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 20_000))));
        }
        out.add(payload(rnd, 1024 * 1024 + 64));
        return out;
    }

    /** A padded frame may carry up to 12 padding bytes after the payload; others must match exactly. */
    private static void assertSamePayload(TransportKind kind, byte[] got, byte[] sent, String what) {
        if (kind == TransportKind.PADDED_INTERMEDIATE) {
            assertThat(got.length - sent.length).as(what).isBetween(0, 12);
            assertThat(Arrays.copyOf(got, sent.length)).as(what).isEqualTo(sent);
        } else {
            assertThat(got).as(what).isEqualTo(sent);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void roundTripUnderRandomChunking(TransportKind kind, Wrapping wrapping) {
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed * 31 + kind.ordinal() * 7 + wrapping.ordinal());
            ClientTransport client = ClientTransport.builder(kind).obfuscated(wrapping != Wrapping.PLAIN)
                    .mtproxySecret(secret(wrapping)).random(seeded(seed)).build();
            ServerTransport server = ServerTransport.builder().mtproxySecret(secret(wrapping)).random(seeded(seed + 100))
                    .build();

            List<byte[]> requests = payloads(rnd);
            boolean[] quick = new boolean[requests.size()];
            ByteArrayOutputStream up = new ByteArrayOutputStream();
            up.writeBytes(client.connectionPreamble());
            for (int i = 0; i < requests.size(); i++) {
                quick[i] = kind.supportsQuickAck() && rnd.nextBoolean();
                byte[] p = requests.get(i);
                byte[] before = p.clone();
                client.encode(p, 0, p.length, quick[i], up::write);
                assertThat(p).as("the payload array is not modified").isEqualTo(before);
            }
            byte[] upWire = up.toByteArray();
            List<InboundEvent> atServer = new ArrayList<>();
            Chunking.random(upWire.length, rnd).feed(upWire,
                    (b, off, len) -> server.decode(b, off, len, InboundEvent.collectInto(atServer)));
            assertThat(server.kind()).isEqualTo(kind);
            assertThat(server.obfuscated()).isEqualTo(wrapping != Wrapping.PLAIN);
            assertThat(atServer).hasSize(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                Frame f = (Frame) atServer.get(i);
                assertSamePayload(kind, f.payload(), requests.get(i), "request " + i);
                assertThat(f.quickAckRequested()).as("quick ack flag of request " + i).isEqualTo(quick[i]);
            }

            List<InboundEvent> expected = new ArrayList<>();
            List<byte[]> replies = payloads(rnd);
            for (byte[] p : replies) {
                // a short server payload starting with a negative int is a transport error by definition;
                // real MTProto packets are at least 24 bytes, so only the synthetic short ones need this
                if (p.length < 24) {
                    p[3] &= 0x7f;
                }
            }
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            for (byte[] p : replies) {
                server.encode(p, 0, p.length, down::write);
                expected.add(new Frame(p, false));
                if (kind.supportsQuickAck() && rnd.nextInt(3) == 0) {
                    int token = rnd.nextInt() | Integer.MIN_VALUE;
                    server.encodeQuickAck(token, down::write);
                    expected.add(new QuickAck(token));
                }
            }
            server.encodeTransportError(-429, down::write);
            expected.add(new TransportError(-429));
            byte[] downWire = down.toByteArray();
            List<InboundEvent> atClient = new ArrayList<>();
            Chunking.random(downWire.length, rnd).feed(downWire,
                    (b, off, len) -> client.decode(b, off, len, InboundEvent.collectInto(atClient)));
            assertThat(atClient).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                if (expected.get(i) instanceof Frame want) {
                    assertThat(atClient.get(i)).isInstanceOf(Frame.class);
                    assertSamePayload(kind, ((Frame) atClient.get(i)).payload(), want.payload(), "reply event " + i);
                } else {
                    assertThat(atClient.get(i)).as("event " + i).isEqualTo(expected.get(i));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void oneByteAtATimeWithTheDefaultSecureRandom(TransportKind kind, Wrapping wrapping) {
        ClientTransport client = ClientTransport.builder(kind).obfuscated(wrapping != Wrapping.PLAIN)
                .mtproxySecret(secret(wrapping)).build();
        ServerTransport server = ServerTransport.builder().mtproxySecret(secret(wrapping))
                .random(RandomSource.of(new SecureRandom())).build();
        byte[] p = payload(new Random(5), 1016);
        ByteArrayOutputStream up = new ByteArrayOutputStream();
        up.writeBytes(client.connectionPreamble());
        client.encode(p, 0, p.length, true, up::write);
        client.encode(p, 0, 4, false, up::write);
        byte[] wire = up.toByteArray();
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            server.decode(wire, i, 1, InboundEvent.collectInto(events));
        }
        assertThat(events).hasSize(2);
        assertSamePayload(kind, ((Frame) events.get(0)).payload(), p, "first");
        assertThat(((Frame) events.get(0)).quickAckRequested()).isEqualTo(kind.supportsQuickAck());
        assertSamePayload(kind, ((Frame) events.get(1)).payload(), Arrays.copyOf(p, 4), "second");
    }
}
