package dev.mtproto.client.proxy;

import dev.mtproto.client.net.DcEndpoint;
import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.transport.MtproxySecret;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens every connection through an MTProxy ({@link ProxyConfig.Mtproxy}): TCP to the proxy, then, for an
 * {@code ee} secret, the FakeTLS handshake ({@link FakeTlsHandshake}). The connection it returns carries the
 * secret ({@link DialedConnection#mtproxySecret()}), so the client's transport obfuscates with it, names the
 * DC in the obfuscated2 header (negated for media DCs, +10000 in test mode) and, for {@code ee}, wraps the
 * stream in TLS records. The DC's own address is not sent: the proxy picks the DC from the header.
 *
 * <p>Failures, besides those of {@link ProxyDialer#dial}: a FakeTLS reply without the HMAC of the secret is
 * {@link ProxyStep#SECRET_REJECTED}, a reply that is not FakeTLS {@link ProxyStep#PROTOCOL_ERROR} (both stop
 * the client). An MTProxy cannot tell a wrong plain or {@code dd} secret from garbage: it closes the
 * connection, which the client sees as a connection lost during the key exchange, and retries.
 */
public final class MtproxyDialer extends ProxyDialer {

    /** @param config the proxy */
    public MtproxyDialer(ProxyConfig.Mtproxy config) {
        super(config);
    }

    @Override
    public ProxyConfig.Mtproxy config() {
        return (ProxyConfig.Mtproxy) super.config();
    }

    @Override
    public DialedConnection dial(DcEndpoint target, Duration timeout) throws IOException {
        DialedConnection tunnel = super.dial(target, timeout);
        return new DialedConnection(tunnel.channel(), Optional.of(config().secret()), tunnel.route());
    }

    @Override
    ProxyHandshake handshake(DcEndpoint target) {
        MtproxySecret secret = config().secret();
        if (secret.mode() == MtproxySecret.Mode.FAKE_TLS) {
            return new FakeTlsHandshake(secret, System.currentTimeMillis() / 1000, RandomSource.perThread());
        }
        return NoHandshake.INSTANCE;
    }

    /** Plain and {@code dd} secrets: the obfuscated2 header is the first thing sent, by the transport. */
    private enum NoHandshake implements ProxyHandshake {
        INSTANCE;

        @Override
        public byte[] start() {
            return new byte[0];
        }

        @Override
        public int wanted() {
            return 0;
        }

        @Override
        public byte[] receive(byte[] data, int offset, int length) {
            throw new IllegalArgumentException("no handshake: nothing to receive");
        }

        @Override
        public boolean done() {
            return true;
        }
    }
}
