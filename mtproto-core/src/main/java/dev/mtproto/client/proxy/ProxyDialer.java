package dev.mtproto.client.proxy;

import dev.mtproto.client.net.DcEndpoint;
import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.client.net.Dialer;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link Dialer} that opens every connection through a proxy: TCP to the proxy, then the proxy's
 * handshake for the DC's address, all within the connect timeout; the channel it returns leads to the DC.
 * Thread-safe.
 */
public abstract sealed class ProxyDialer implements Dialer permits Socks5Dialer, HttpConnectDialer, MtproxyDialer {
    private final ProxyConfig config;
    private final ProxyTunnel tunnel;

    ProxyDialer(ProxyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.tunnel = new ProxyTunnel(config);
    }

    /** @return the proxy this dialer goes through */
    public ProxyConfig config() {
        return config;
    }

    /**
     * @throws ProxyUnavailableException if the proxy is unreachable or slow, closes the connection
     *     mid-handshake, or cannot reach the DC (the client retries with backoff)
     * @throws ProxyRefusedException if the proxy refuses the credentials (or wants some), or does not speak
     *     the protocol (the client stops trying)
     */
    @Override
    public DialedConnection dial(DcEndpoint target, Duration timeout) throws IOException {
        return tunnel.open(handshake(target), target, timeout);
    }

    /** @return a fresh handshake to the target */
    abstract ProxyHandshake handshake(DcEndpoint target);

    /** @return the proxy's kind and address ({@code "SOCKS5 proxy 10.0.0.1:1080"}), never a login or secret */
    @Override
    public String describe() {
        return config.describe();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config + "]";
    }
}
