package dev.mtproto.client.proxy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * A SOCKS5 server's replies (RFC 1928, RFC 1929) to our handshake, for an IPv4, IPv6 or name destination,
 * with or without credentials. In this package because the handshakes are package-private.
 *
 * <p>Allowed out: {@link HandshakeFailure}. A finished handshake wants no more bytes.
 */
class Socks5ReplyFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void socks5Replies(FuzzedDataProvider data) {
        String host = data.pickValue(new String[] {"149.154.167.50", "2001:b28:f23d:f001::a", "example.org"});
        Optional<ProxyCredentials> credentials = data.consumeBoolean() ? HandshakeFeed.CREDENTIALS : Optional.empty();
        HandshakeFeed.run(new Socks5Handshake(host, 443, credentials), data);
    }
}
