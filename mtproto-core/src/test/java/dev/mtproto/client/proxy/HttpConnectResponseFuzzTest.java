package dev.mtproto.client.proxy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * An HTTP proxy's response head (RFC 9110) to our CONNECT, with or without credentials. In this package
 * because the handshakes are package-private.
 *
 * <p>Allowed out: {@link HandshakeFailure}. A finished handshake wants no more bytes.
 */
class HttpConnectResponseFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void httpConnectResponse(FuzzedDataProvider data) {
        Optional<ProxyCredentials> credentials = data.consumeBoolean() ? HandshakeFeed.CREDENTIALS : Optional.empty();
        HandshakeFeed.run(new HttpConnectHandshake("149.154.167.50", 443, credentials), data);
    }
}
