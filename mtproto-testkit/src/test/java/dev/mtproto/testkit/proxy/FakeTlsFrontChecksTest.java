package dev.mtproto.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.transport.FakeTlsClientHandshake;
import dev.mtproto.transport.FakeTlsClientHello;
import dev.mtproto.transport.MtproxySecret;
import java.io.InputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the front checks in a ClientHello, on raw sockets with a fixed clock: the time window, replays, the SNI. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeTlsFrontChecksTest {
    private static final long NOW = 1_783_001_185L;
    private static final Duration WINDOW = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static MtproxyFront front() throws Exception {
        return MtproxyFront.builder(MtproxyFrontTest.EE, MtproxyFront.dcsOf(TELEGRAM.cluster()))
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).timeWindow(WINDOW).start();
    }

    private static FakeTlsClientHello hello(MtproxySecret secret, long time) {
        return FakeTlsClientHello.generate(secret, time, RandomSource.secure());
    }

    /** @return whether the front answered the hello with a reply that verifies, rather than closing */
    private static boolean answered(MtproxyFront front, FakeTlsClientHello hello) throws Exception {
        try (Socket s = new Socket(front.host(), front.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(hello.bytes());
            FakeTlsClientHandshake handshake = FakeTlsClientHandshake.start(MtproxyFrontTest.EE, hello);
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            while (!handshake.done()) {
                int n = in.read(buffer, 0, Math.min(buffer.length, handshake.wanted()));
                if (n < 0) {
                    return false;
                }
                handshake.receive(buffer, 0, n);
            }
            return true;
        }
    }

    @Test
    void aHelloInsideTheWindowIsAnsweredOneOutsideItIsClosed() throws Exception {
        try (MtproxyFront front = front()) {
            assertThat(answered(front, hello(MtproxyFrontTest.EE, NOW))).isTrue();
            assertThat(answered(front, hello(MtproxyFrontTest.EE, NOW + 30))).isTrue();
            assertThat(answered(front, hello(MtproxyFrontTest.EE, NOW - 30))).isTrue();
            assertThat(answered(front, hello(MtproxyFrontTest.EE, NOW + 31))).isFalse();
            assertThat(answered(front, hello(MtproxyFrontTest.EE, NOW - 31))).isFalse();
            assertThat(front.rejected()).isEqualTo(2);
        }
    }

    @Test
    void aReplayedHelloIsClosed() throws Exception {
        try (MtproxyFront front = front()) {
            FakeTlsClientHello hello = hello(MtproxyFrontTest.EE, NOW);
            assertThat(answered(front, hello)).isTrue();
            assertThat(answered(front, hello)).as("the same client random again").isFalse();
            assertThat(front.rejected()).isEqualTo(1);
        }
    }

    @Test
    void aHelloForAnotherDomainOrKeyIsClosed() throws Exception {
        try (MtproxyFront front = front()) {
            MtproxySecret otherDomain = MtproxySecret.fromHex("ee" + MtproxyFrontTest.KEY + HexFormat.of().formatHex("example.org".getBytes()));
            MtproxySecret otherKey = MtproxySecret.fromHex("ee" + "22".repeat(16) + HexFormat.of().formatHex("example.com".getBytes()));
            assertThat(answered(front, hello(otherDomain, NOW))).isFalse();
            assertThat(answered(front, hello(otherKey, NOW))).isFalse();
            assertThat(front.rejected()).isEqualTo(2);
        }
    }
}
