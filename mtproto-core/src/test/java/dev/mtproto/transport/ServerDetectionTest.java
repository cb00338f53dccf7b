package dev.mtproto.transport;

import static dev.mtproto.transport.Vectors.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.transport.InboundEvent.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How {@link ServerTransport} tells what a client speaks from its first bytes. */
class ServerDetectionTest {

    private static final MtproxySecret SECRET = MtproxySecret.fromHex("cda3c98601a1a631018bdc04e6f2c154");
    private static final byte[] REQ_PQ = Vectors.hex(Vectors.load("auth_key_sample.json").get("step1_req_pq_multi"),
            "payload");

    private static byte[] clientBytes(ClientTransport client, byte[]... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(client.connectionPreamble());
        for (byte[] p : payloads) {
            client.encode(p, 0, p.length, false, out::write);
        }
        return out.toByteArray();
    }

    private static List<InboundEvent> feed(ServerTransport server, byte[] wire) {
        List<InboundEvent> events = new ArrayList<>();
        server.decode(wire.clone(), 0, wire.length, InboundEvent.collectInto(events));
        return events;
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void plainKindsAreDetectedFromTheirTag(TransportKind kind) {
        byte[] wire = clientBytes(ClientTransport.builder(kind).build(), REQ_PQ, REQ_PQ);
        ServerTransport server = ServerTransport.builder().build();
        List<InboundEvent> events = feed(server, wire);
        assertThat(server.kind()).isEqualTo(kind);
        assertThat(server.obfuscated()).isFalse();
        assertThat(server.dcId()).isEmpty();
        assertThat(server.obfuscationHeader()).isEmpty();
        assertThat(events).hasSize(2);
        assertThat(Arrays.copyOf(((Frame) events.get(0)).payload(), REQ_PQ.length)).isEqualTo(REQ_PQ);
    }

    @Test
    void aShortFirstFullFrameIsDetectedBeforeSixtyFourBytes() {
        byte[] wire = clientBytes(ClientTransport.builder(TransportKind.FULL).build(), REQ_PQ);
        assertThat(wire).hasSize(52);
        ServerTransport server = ServerTransport.builder().build();
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            assertThat(server.isDetected()).as("after %d bytes", i).isFalse();
            server.decode(wire, i, 1, InboundEvent.collectInto(events));
        }
        assertThat(server.isDetected()).isTrue();
        assertThat(server.kind()).isEqualTo(TransportKind.FULL);
        assertThat(events).containsExactly(new Frame(REQ_PQ, false));
    }

    @Test
    void aLongFirstFullFrameIsDetectedAtSixtyFourBytes() {
        byte[] big = new byte[400];
        new Random(1).nextBytes(big);
        byte[] wire = clientBytes(ClientTransport.builder(TransportKind.FULL).build(), big);
        ServerTransport server = ServerTransport.builder().build();
        List<InboundEvent> events = new ArrayList<>();
        server.decode(wire, 0, 63, InboundEvent.collectInto(events));
        assertThat(server.isDetected()).isFalse();
        server.decode(wire, 63, wire.length - 63, InboundEvent.collectInto(events));
        assertThat(server.kind()).isEqualTo(TransportKind.FULL);
        assertThat(events).containsExactly(new Frame(big, false));
    }

    @Test
    void aShortFullFrameWithABadCrcFailsOnceSixtyFourBytesAreIn() {
        byte[] wire = clientBytes(ClientTransport.builder(TransportKind.FULL).build(), REQ_PQ, REQ_PQ);
        wire[51] ^= 1;
        ServerTransport server = ServerTransport.builder().build();
        assertThat(feed(server, Arrays.copyOf(wire, 60))).isEmpty();
        assertThat(server.isDetected()).isFalse();
        assertThatThrownBy(() -> feed(server, Arrays.copyOfRange(wire, 60, wire.length)))
                .isInstanceOf(TransportException.class).hasMessage("full transport: CRC32 mismatch in frame seq 0");
    }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = "FULL", mode = EnumSource.Mode.EXCLUDE)
    void obfuscatedKindsAreDetectedWithAndWithoutASecret(TransportKind kind) {
        for (MtproxySecret secret : new MtproxySecret[] {null, SECRET}) {
            int dc = Obfuscated2Header.dcIdField(2, true, true);
            ClientTransport client = ClientTransport.builder(kind).obfuscated(true).mtproxySecret(secret).dcId(dc)
                    .build();
            ServerTransport server = ServerTransport.builder().mtproxySecret(secret).build();
            List<InboundEvent> events = feed(server, clientBytes(client, REQ_PQ));
            assertThat(server.kind()).isEqualTo(kind);
            assertThat(server.obfuscated()).isTrue();
            assertThat(server.dcId()).hasValue(-10002);
            assertThat(events).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = "FULL", mode = EnumSource.Mode.EXCLUDE)
    void aProxyRejectsPlainClients(TransportKind kind) {
        ServerTransport server = ServerTransport.builder().mtproxySecret(SECRET).build();
        byte[] wire = clientBytes(ClientTransport.builder(kind).build(), REQ_PQ);
        assertThatThrownBy(() -> feed(server, wire)).isInstanceOf(TransportException.class)
                .hasMessageContaining("requires obfuscated2");
        assertThatThrownBy(() -> feed(server, wire)).isInstanceOf(TransportException.class)
                .hasMessageContaining("already failed");
    }

    @Test
    void aProxyRejectsAWrongSecretOrNoSecret() {
        for (MtproxySecret clientSecret : new MtproxySecret[] {null, MtproxySecret.fromHex("00".repeat(16))}) {
            ClientTransport client = ClientTransport.builder(TransportKind.INTERMEDIATE).obfuscated(true)
                    .mtproxySecret(clientSecret).build();
            ServerTransport server = ServerTransport.builder().mtproxySecret(SECRET).build();
            assertThatThrownBy(() -> feed(server, clientBytes(client, REQ_PQ))).isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("obfuscated2: unknown protocol tag 0x")
                    .hasMessageContaining("wrong MTProxy secret");
        }
    }

    @Test
    void aPlainEndpointRejectsAnObfuscatedStreamKeyedWithASecret() {
        ClientTransport client = ClientTransport.builder(TransportKind.INTERMEDIATE).mtproxySecret(SECRET).build();
        ServerTransport server = ServerTransport.builder().build();
        assertThatThrownBy(() -> feed(server, clientBytes(client, REQ_PQ))).isInstanceOf(TransportException.class)
                .hasMessageStartingWith("unrecognised transport, first bytes ");
    }

    @Test
    void httpAndTlsAreRejected() {
        for (String verb : new String[] {"GET / HTTP/1.1\r\n", "POST /api HTTP/1.1", "HEAD / HTTP/1.0", "OPTIONS * HTTP"}) {
            ServerTransport server = ServerTransport.builder().build();
            assertThatThrownBy(() -> feed(server, verb.getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(TransportException.class).hasMessage("the HTTP transport is not supported");
        }
        ServerTransport server = ServerTransport.builder().build();
        assertThatThrownBy(() -> feed(server, new byte[] {0x16, 0x03, 0x01, 0x02, 0x00}))
                .isInstanceOf(TransportException.class).hasMessage("FakeTLS is not supported yet");
    }

    @Test
    void garbageIsRejectedAfterSixtyFourBytesAndNotBefore() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x41);
        ServerTransport server = ServerTransport.builder().build();
        assertThat(feed(server, Arrays.copyOf(garbage, 63))).isEmpty();
        assertThatThrownBy(() -> feed(server, new byte[] {0x41})).isInstanceOf(TransportException.class)
                .hasMessage("unrecognised transport, first bytes 4141414141414141");
    }

    @Test
    void detectionWaitsForPartialTags() {
        ServerTransport server = ServerTransport.builder().build();
        assertThat(feed(server, new byte[] {(byte) 0xdd, (byte) 0xdd, (byte) 0xdd})).isEmpty();
        assertThat(server.isDetected()).isFalse();
        assertThat(feed(server, new byte[] {(byte) 0xdd})).isEmpty();
        assertThat(server.kind()).isEqualTo(TransportKind.PADDED_INTERMEDIATE);
    }

    @Test
    void nothingCanBeSentBeforeDetection() {
        ServerTransport server = ServerTransport.builder().build();
        assertThatThrownBy(() -> server.encode(REQ_PQ, 0, REQ_PQ.length, (b, o, l) -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(server::kind).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.encodeQuickAck(-1, (b, o, l) -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.encodeTransportError(-404, (b, o, l) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bytesAfterTheTagInTheSameChunkAreDecoded() {
        byte[] wire = concat(clientBytes(ClientTransport.builder(TransportKind.ABRIDGED).build(), REQ_PQ, REQ_PQ));
        ServerTransport server = ServerTransport.builder().build();
        List<InboundEvent> events = new ArrayList<>();
        server.decode(wire, 0, 10, InboundEvent.collectInto(events));
        server.decode(wire, 10, wire.length - 10, InboundEvent.collectInto(events));
        assertThat(events).containsExactly(new Frame(REQ_PQ, false), new Frame(REQ_PQ, false));
    }
}
