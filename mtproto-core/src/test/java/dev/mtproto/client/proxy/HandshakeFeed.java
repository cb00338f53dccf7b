package dev.mtproto.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Optional;

/**
 * Feeds a proxy handshake the fuzzer's bytes as the dialers would: in fuzzer-chosen reads, never more than
 * {@link ProxyHandshake#wanted()} at a time. Shared by {@link Socks5ReplyFuzzTest} and
 * {@link HttpConnectResponseFuzzTest}.
 */
final class HandshakeFeed {
    static final Optional<ProxyCredentials> CREDENTIALS = Optional.of(new ProxyCredentials("user", "secret"));

    private HandshakeFeed() {
    }

    /**
     * Runs the handshake over the rest of the fuzzer's data.
     *
     * @throws AssertionError if a handshake that is not done wants nothing, or a done one still wants bytes
     */
    static void run(ProxyHandshake handshake, FuzzedDataProvider data) {
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
