package dev.mtproto.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * What a proxy, or whoever shares a proxy link, can send us: MTProxy links
 * (https://core.telegram.org/api/links#mtproxy-links), the SOCKS5 server's replies (RFC 1928/1929) and the
 * HTTP CONNECT response head (RFC 9110). The handshakes get the fuzzer's bytes in fuzzer-chosen reads, never
 * more than {@link ProxyHandshake#wanted()} at a time, as the dialers read them. In this package because
 * the handshakes are package-private.
 *
 * <p>Allowed out: {@link InvalidProxyLinkException} from parsing a link, {@link HandshakeFailure} from a
 * handshake. A link that parses names a server and a port in 1..65535; a finished handshake has consumed
 * no more than it was given.
 */
class ProxyParsersFuzzTest {
    private static final Optional<ProxyCredentials> CREDENTIALS = Optional.of(new ProxyCredentials("user", "secret"));

    @FuzzTest(maxDuration = "10s")
    void mtproxyLink(FuzzedDataProvider data) {
        String link = data.consumeRemainingAsString();
        MtproxyLink parsed;
        try {
            parsed = MtproxyLink.parse(link);
        } catch (InvalidProxyLinkException expected) {
            return;
        }
        assertThat(parsed.server()).isNotBlank();
        assertThat(parsed.port()).isBetween(1, 65535);
    }

    @FuzzTest(maxDuration = "10s")
    void socks5Replies(FuzzedDataProvider data) {
        String host = data.pickValue(new String[] {"149.154.167.50", "2001:b28:f23d:f001::a", "example.org"});
        Optional<ProxyCredentials> credentials = data.consumeBoolean() ? CREDENTIALS : Optional.empty();
        run(new Socks5Handshake(host, 443, credentials), data);
    }

    @FuzzTest(maxDuration = "10s")
    void httpConnectResponse(FuzzedDataProvider data) {
        Optional<ProxyCredentials> credentials = data.consumeBoolean() ? CREDENTIALS : Optional.empty();
        run(new HttpConnectHandshake("149.154.167.50", 443, credentials), data);
    }

    private static void run(ProxyHandshake handshake, FuzzedDataProvider data) {
        byte[] reads = data.consumeBytes(8);
        byte[] fromProxy = data.consumeRemainingAsBytes();
        assertThat(handshake.start()).isNotEmpty();
        int at = 0;
        int read = 0;
        try {
            while (!handshake.done() && at < fromProxy.length) {
                int size = reads.length == 0 ? Integer.MAX_VALUE : 1 + (reads[read++ % reads.length] & 0xff);
                int n = Math.min(Math.min(size, handshake.wanted()), fromProxy.length - at);
                assertThat(n).as("a handshake that is not done wants more").isPositive();
                handshake.receive(fromProxy, at, n);
                at += n;
            }
        } catch (HandshakeFailure expected) {
            return;
        }
        if (handshake.done()) {
            assertThat(handshake.wanted()).isZero();
        }
    }
}
