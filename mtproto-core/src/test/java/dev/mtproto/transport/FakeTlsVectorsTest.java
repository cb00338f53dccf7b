package dev.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The FakeTLS known answers of {@code /vectors/faketls.json} (no official spec page: the rules are those of
 * the public MTProxy server, TelegramMessenger/MTProxy net/net-tcp-rpc-ext-server.c, recorded in the file).
 */
class FakeTlsVectorsTest {
    private static final JsonNode V = Vectors.load("faketls.json");
    private static final MtproxySecret SECRET = MtproxySecret.of(Vectors.hex(V, "ee_secret_hex"));
    private static final long TIME = V.get("timestamp").asLong();
    private static final byte[] HELLO = Vectors.hex(V, "client_hello");
    private static final byte[] REPLY = Vectors.hex(V, "server_reply");

    private static FakeTlsClientHello vectorHello() {
        return FakeTlsClientHello.build(SECRET, TIME, Arrays.copyOfRange(HELLO, 44, 76), Arrays.copyOfRange(HELLO, 126, 158));
    }

    @Test
    void theClientHelloIsTheVectorsByteForByte() {
        FakeTlsClientHello hello = vectorHello();
        assertThat(SECRET.key()).isEqualTo(Vectors.hex(V, "secret16"));
        assertThat(SECRET.fakeTlsDomain()).contains(V.get("domain").asString());
        assertThat(hello.bytes()).isEqualTo(HELLO);
        assertThat(hello.clientRandom()).isEqualTo(Vectors.hex(V, "client_random"));
        byte[] zeroed = Vectors.hex(V, "client_hello_zero_random");
        assertThat(FakeTlsHmac.overZeroedRandom(SECRET.key(), new byte[0], zeroed)).isEqualTo(Vectors.hex(V, "hmac_over_zeroed_hello"));
        assertThat(Arrays.copyOfRange(HELLO, 0, 4)).containsExactly(0x16, 0x03, 0x01, 0x02);
    }

    @Test
    void theServerSideAcceptsTheVectorsHelloAndBuildsItsReplyByteForByte() {
        FakeTlsHello hello = FakeTlsServerHandshake.verify(SECRET, HELLO, TIME + 30, Duration.ofMinutes(2));
        assertThat(hello.unixTime()).isEqualTo(TIME);
        assertThat(hello.serverName()).isEqualTo("example.com");
        assertThat(hello.clientRandom()).isEqualTo(Vectors.hex(V, "client_random"));
        assertThat(FakeTlsServerHandshake.recordLength(HELLO)).isEqualTo(HELLO.length);
        // the reply's random parts, in the order reply() draws them: filler length bits (0 = 2500 bytes), key share, filler
        int fillerAt = REPLY.length - 2500;
        ScriptedRandom random = new ScriptedRandom(new byte[2], Arrays.copyOfRange(REPLY, 89, 121),
                Arrays.copyOfRange(REPLY, fillerAt, REPLY.length));
        assertThat(FakeTlsServerHandshake.reply(SECRET, hello, random)).isEqualTo(REPLY);
        assertThat(Arrays.copyOfRange(REPLY, 11, 43)).isEqualTo(Vectors.hex(V, "server_random"));
    }

    @Test
    void theClientVerifiesTheVectorsReplyFedInEveryChunking() {
        for (Chunking chunking : Chunking.standard(REPLY.length, 13, 600)) {
            FakeTlsClientHandshake handshake = FakeTlsClientHandshake.start(SECRET, vectorHello());
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            chunking.feed(REPLY, (buf, off, len) -> {
                while (len > 0 && !handshake.done()) {
                    int n = Math.min(len, handshake.wanted());
                    handshake.receive(buf, off, n);
                    off += n;
                    len -= n;
                }
                rest.write(buf, off, len);
            });
            assertThat(handshake.done()).as(chunking.name()).isTrue();
            assertThat(handshake.wanted()).isZero();
            assertThat(rest.size()).isZero();
        }
    }

    @Test
    void aReplyWithAnotherRandomOrStructureIsATypedError() {
        byte[] tampered = REPLY.clone();
        tampered[20] ^= 1;
        FakeTlsClientHandshake bad = FakeTlsClientHandshake.start(SECRET, vectorHello());
        assertThatThrownBy(() -> feed(bad, tampered)).isInstanceOf(FakeTlsException.class)
                .extracting(e -> ((FakeTlsException) e).reason()).isEqualTo(FakeTlsException.Reason.BAD_HMAC);
        byte[] alert = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};
        assertThatThrownBy(() -> feed(FakeTlsClientHandshake.start(SECRET, vectorHello()), alert))
                .isInstanceOf(FakeTlsException.class).hasMessageContaining("type 0x15")
                .extracting(e -> ((FakeTlsException) e).reason()).isEqualTo(FakeTlsException.Reason.MALFORMED);
        byte[] hugeRecord = {0x16, 0x03, 0x03, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> feed(FakeTlsClientHandshake.start(SECRET, vectorHello()), hugeRecord))
                .isInstanceOf(FakeTlsException.class).hasMessageContaining("length 65535");
    }

    @Test
    void theServerLayerTakesTheExampleClientRecordsApart() {
        // the example's header was keyed with another secret than the file's (its tag does not decrypt with it),
        // so only the record framing is checked here
        byte[] wire = Vectors.hex(V, "client_after_handshake_example");
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        byte[] copy = wire.clone();
        FakeTlsRecordLayer.server().inbound(copy, 0, copy.length, inner::write);
        assertThat(inner.toByteArray()).isEqualTo(Arrays.copyOfRange(wire, 11, wire.length)).hasSizeGreaterThan(64);
    }

    private static void feed(FakeTlsClientHandshake handshake, byte[] bytes) {
        int at = 0;
        while (at < bytes.length && !handshake.done()) {
            int n = Math.min(bytes.length - at, handshake.wanted());
            handshake.receive(bytes, at, n);
            at += n;
        }
    }
}
