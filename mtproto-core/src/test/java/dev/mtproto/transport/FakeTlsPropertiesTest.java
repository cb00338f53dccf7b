package dev.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.RandomSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FakeTLS over many random inputs (seeded): hello lengths, the server's checks, records split anywhere. */
class FakeTlsPropertiesTest {
    private static final long NOW = 1_783_001_185L;

    private static MtproxySecret randomSecret(Random rnd, String domain) {
        byte[] key = new byte[16];
        rnd.nextBytes(key);
        return secret(key, domain);
    }

    private static MtproxySecret secret(byte[] key, String domain) {
        byte[] d = domain.getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[17 + d.length];
        raw[0] = (byte) 0xee;
        System.arraycopy(key, 0, raw, 1, 16);
        System.arraycopy(d, 0, raw, 17, d.length);
        return MtproxySecret.of(raw);
    }

    private static String randomDomain(Random rnd) {
        int length = 1 + rnd.nextInt(MtproxySecret.MAX_DOMAIN_LENGTH);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('!' + rnd.nextInt(94)));
        }
        return sb.toString();
    }

    private static RandomSource seeded(Random rnd) {
        return (b, off, len) -> {
            byte[] part = new byte[len];
            rnd.nextBytes(part);
            System.arraycopy(part, 0, b, off, len);
        };
    }

    @Test
    void everyHelloIs512To767BytesStarts160301AndPassesTheServersChecks() {
        Random rnd = new Random(42);
        for (int i = 0; i < 500; i++) {
            MtproxySecret secret = randomSecret(rnd, randomDomain(rnd));
            byte[] hello = FakeTlsClientHello.generate(secret, NOW, seeded(rnd)).bytes();
            int recordLength = ((hello[3] & 0xff) << 8) | (hello[4] & 0xff);
            assertThat(recordLength).isBetween(512, 767).isEqualTo(hello.length - 5);
            assertThat(Arrays.copyOfRange(hello, 0, 4)).containsExactly(0x16, 0x03, 0x01, 0x02);
            FakeTlsHello verified = FakeTlsServerHandshake.verify(secret, hello, NOW, Duration.ofSeconds(1));
            assertThat(verified.serverName()).isEqualTo(secret.fakeTlsDomain().orElseThrow());
            assertThat(verified.unixTime()).isEqualTo(NOW);
        }
    }

    @Test
    void theServerRejectsAnotherSecretATimeOutsideItsWindowAnotherNameAndJunk() {
        Random rnd = new Random(7);
        byte[] key = new byte[16];
        rnd.nextBytes(key);
        MtproxySecret secret = secret(key, "example.com");
        byte[] hello = FakeTlsClientHello.generate(secret, NOW, seeded(rnd)).bytes();
        assertThat(reason(() -> FakeTlsServerHandshake.verify(randomSecret(rnd, "example.com"), hello, NOW, Duration.ofMinutes(1))))
                .isEqualTo(FakeTlsException.Reason.BAD_HMAC);
        assertThat(FakeTlsServerHandshake.verify(secret, hello, NOW + 60, Duration.ofSeconds(60)).unixTime()).isEqualTo(NOW);
        assertThat(reason(() -> FakeTlsServerHandshake.verify(secret, hello, NOW + 61, Duration.ofSeconds(60))))
                .isEqualTo(FakeTlsException.Reason.STALE_TIMESTAMP);
        assertThat(reason(() -> FakeTlsServerHandshake.verify(secret, hello, NOW - 61, Duration.ofSeconds(60))))
                .isEqualTo(FakeTlsException.Reason.STALE_TIMESTAMP);
        byte[] otherName = FakeTlsClientHello.generate(secret(key, "example.org"), NOW, seeded(rnd)).bytes();
        assertThat(reason(() -> FakeTlsServerHandshake.verify(secret, otherName, NOW, Duration.ofMinutes(1))))
                .isEqualTo(FakeTlsException.Reason.WRONG_SERVER_NAME);
        assertThat(reason(() -> FakeTlsServerHandshake.recordLength("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(FakeTlsException.Reason.MALFORMED);
        assertThat(reason(() -> FakeTlsServerHandshake.verify(secret, Arrays.copyOf(hello, 300), NOW, Duration.ofMinutes(1))))
                .isEqualTo(FakeTlsException.Reason.MALFORMED);
    }

    private static FakeTlsException.Reason reason(Runnable r) {
        try {
            r.run();
        } catch (FakeTlsException e) {
            return e.reason();
        }
        throw new AssertionError("no FakeTlsException");
    }

    @Test
    void recordsCutAtRandomBoundariesReassembleAndNoRecordExceeds16KiB() {
        Random rnd = new Random(2026);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 70_000)];
            rnd.nextBytes(data);
            FakeTlsRecordLayer sender = rnd.nextBoolean() ? FakeTlsRecordLayer.client() : FakeTlsRecordLayer.server();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(sender.preamble());
            int at = 0;
            while (at < data.length) { // the sender writes in random pieces too
                int n = Math.min(data.length - at, 1 + rnd.nextInt(40_000));
                byte[] piece = Arrays.copyOfRange(data, at, at + n);
                sender.outbound(piece, 0, n, wire::write);
                at += n;
            }
            byte[] bytes = wire.toByteArray();
            assertThat(recordLengths(bytes, sender.preamble().length)).allSatisfy(len -> assertThat(len).isBetween(1, 16_384));
            FakeTlsRecordLayer receiver = FakeTlsRecordLayer.server();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Chunking.random(bytes.length, rnd).feed(bytes, (buf, off, len) -> receiver.inbound(buf, off, len, out::write));
            assertThat(out.toByteArray()).as("round " + round).isEqualTo(data);
        }
    }

    private static List<Integer> recordLengths(byte[] wire, int from) {
        List<Integer> lengths = new ArrayList<>();
        for (int at = from; at < wire.length; ) {
            assertThat(wire[at]).isEqualTo((byte) 0x17);
            int len = ((wire[at + 3] & 0xff) << 8) | (wire[at + 4] & 0xff);
            lengths.add(len);
            at += 5 + len;
        }
        return lengths;
    }

    @Test
    void framesSpanningRecordsDecodeOnBothSides() {
        Random rnd = new Random(99);
        MtproxySecret secret = randomSecret(rnd, "example.com");
        ClientTransport client = ClientTransport.builder(TransportKind.PADDED_INTERMEDIATE).mtproxySecret(secret)
                .dcId(2).random(seeded(rnd)).build();
        byte[] big = new byte[50_000];
        rnd.nextBytes(big);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(client.connectionPreamble());
        client.encode(big, 0, big.length, false, wire::write);
        byte[] bytes = wire.toByteArray();
        assertThat(Arrays.copyOfRange(bytes, 0, 11)).containsExactly(0x14, 3, 3, 0, 1, 1, 0x17, 3, 3, 0, 64);

        // the proxy's side: records off, obfuscation off, then padded-intermediate frames
        FakeTlsRecordLayer records = FakeTlsRecordLayer.server();
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        Chunking.random(bytes.length, rnd).feed(bytes, (buf, off, len) -> records.inbound(buf, off, len, inner::write));
        byte[] stream = inner.toByteArray();
        ObfuscatedStream obfuscation = ObfuscatedStream.server(stream, 0, secret);
        assertThat(obfuscation.header().kind()).isEqualTo(TransportKind.PADDED_INTERMEDIATE);
        assertThat(obfuscation.header().dcId()).isEqualTo(2);
        FrameCodec serverCodec = TransportKind.PADDED_INTERMEDIATE.newCodec(TransportSide.SERVER, 1 << 20, seeded(rnd));
        List<InboundEvent> received = new ArrayList<>();
        obfuscation.inbound(stream, 64, stream.length - 64, (b, off, len) -> serverCodec.decode(b, off, len, InboundEvent.collectInto(received)));
        assertThat(received).hasSize(1);
        byte[] got = ((InboundEvent.Frame) received.get(0)).payload();
        assertThat(Arrays.copyOf(got, big.length)).isEqualTo(big);

        // and back: the proxy's frame, obfuscated, in records, cut anywhere
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        FakeTlsRecordLayer serverRecords = FakeTlsRecordLayer.server();
        serverCodec.encode(big, 0, big.length, false, (b, off, len) -> obfuscation.outbound(b, off, len,
                (c, o, l) -> serverRecords.outbound(c, o, l, back::write)));
        List<InboundEvent> clientGot = new ArrayList<>();
        byte[] backBytes = back.toByteArray();
        Chunking.random(backBytes.length, rnd).feed(backBytes, (buf, off, len) -> client.decode(buf, off, len, InboundEvent.collectInto(clientGot)));
        assertThat(clientGot).hasSize(1);
        assertThat(Arrays.copyOf(((InboundEvent.Frame) clientGot.get(0)).payload(), big.length)).isEqualTo(big);
    }

    @Test
    void aRecordThatIsNotApplicationDataIsMalformedAndTheLayerStaysFailed() {
        FakeTlsRecordLayer layer = FakeTlsRecordLayer.client();
        byte[] handshake = {0x16, 3, 3, 0, 1, 0};
        assertThatThrownBy(() -> layer.inbound(handshake, 0, handshake.length, (b, o, l) -> { }))
                .isInstanceOf(FakeTlsException.class).hasMessageContaining("1603030001");
        byte[] fine = {0x17, 3, 3, 0, 1, 0};
        assertThatThrownBy(() -> layer.inbound(fine, 0, fine.length, (b, o, l) -> { })).isInstanceOf(FakeTlsException.class);
        byte[] ccs = {0x14, 3, 3, 0, 1, 1};
        assertThatThrownBy(() -> FakeTlsRecordLayer.client().inbound(ccs, 0, ccs.length, (b, o, l) -> { }))
                .as("only the server accepts change_cipher_spec").isInstanceOf(FakeTlsException.class);
        byte[] empty = {0x17, 3, 3, 0, 0};
        assertThatThrownBy(() -> FakeTlsRecordLayer.server().inbound(empty, 0, empty.length, (b, o, l) -> { }))
                .isInstanceOf(FakeTlsException.class);
    }
}
