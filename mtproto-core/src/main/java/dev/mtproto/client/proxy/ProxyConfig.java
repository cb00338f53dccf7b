package dev.mtproto.client.proxy;

import dev.mtproto.client.net.Dialer;
import dev.mtproto.transport.MtproxySecret;
import java.util.Objects;
import java.util.Optional;

/**
 * A proxy every connection of the client goes through, and the {@link Dialer} that does it
 * ({@link #dialer()}, to give to {@code ClientConfigBuilder.dialer}): SOCKS5, HTTP CONNECT or an MTProxy.
 * Immutable; {@code toString()} never shows a password or an MTProxy key.
 */
public sealed interface ProxyConfig permits ProxyConfig.Socks5, ProxyConfig.HttpConnect, ProxyConfig.Mtproxy {

    /** @return the proxy's host name or IP literal (IPv6 without brackets) */
    String host();

    /** @return the proxy's TCP port */
    int port();

    /** @return the credentials, if the proxy wants them */
    Optional<ProxyCredentials> credentials();

    /** @return the dialer that opens every connection through this proxy */
    Dialer dialer();

    /** @return how logs and errors name the proxy, e.g. {@code "SOCKS5 proxy 10.0.0.1:1080"} */
    String describe();

    /**
     * A SOCKS5 proxy (RFC 1928), with username/password authentication (RFC 1929) when credentials are given.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @param credentials the credentials, or empty for no authentication
     */
    record Socks5(String host, int port, Optional<ProxyCredentials> credentials) implements ProxyConfig {
        /**
         * @throws IllegalArgumentException if the host is blank or the port is outside 1..65535
         * @throws NullPointerException if an argument is null
         */
        public Socks5 {
            checkAddress(host, port);
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public Dialer dialer() {
            return new Socks5Dialer(this);
        }

        @Override
        public String describe() {
            return "SOCKS5 proxy " + hostAndPort(host, port);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /**
     * An HTTP proxy that tunnels with {@code CONNECT} (RFC 9110, section 9.3.6), with Basic authentication
     * (RFC 7617) when credentials are given.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @param credentials the credentials, or empty for no authentication
     */
    record HttpConnect(String host, int port, Optional<ProxyCredentials> credentials) implements ProxyConfig {
        /**
         * @throws IllegalArgumentException if the host is blank or the port is outside 1..65535
         * @throws NullPointerException if an argument is null
         */
        public HttpConnect {
            checkAddress(host, port);
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public Dialer dialer() {
            return new HttpConnectDialer(this);
        }

        @Override
        public String describe() {
            return "HTTP proxy " + hostAndPort(host, port);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /**
     * An MTProxy (https://core.telegram.org/mtproto/mtproto-transports, transport obfuscation): every
     * connection opens TCP to the proxy, runs the FakeTLS handshake for an {@code ee} secret, and then carries
     * obfuscated2 keyed with the secret, with the DC named in its header. Plain secrets use the client's
     * framing, {@code dd} and {@code ee} secrets padded intermediate.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @param secret the proxy's secret
     */
    record Mtproxy(String host, int port, MtproxySecret secret) implements ProxyConfig {
        /**
         * @throws IllegalArgumentException if the host is blank or the port is outside 1..65535
         * @throws NullPointerException if an argument is null
         */
        public Mtproxy {
            checkAddress(host, port);
            Objects.requireNonNull(secret, "secret");
        }

        /** @return empty: an MTProxy authenticates with its secret */
        @Override
        public Optional<ProxyCredentials> credentials() {
            return Optional.empty();
        }

        @Override
        public Dialer dialer() {
            return new MtproxyDialer(this);
        }

        @Override
        public String describe() {
            return "MTProxy " + hostAndPort(host, port);
        }

        /** Shows the address and the secret's mode and domain, never its key. */
        @Override
        public String toString() {
            return "ProxyConfig.Mtproxy[" + hostAndPort(host, port) + ", " + secret + "]";
        }
    }

    /**
     * @param link a parsed {@code tg://proxy} link
     * @return the MTProxy it names
     * @throws NullPointerException if {@code link} is null
     */
    static Mtproxy mtproxy(MtproxyLink link) {
        return new Mtproxy(link.server(), link.port(), link.secret());
    }

    /**
     * @param link a {@code tg://proxy?server=...&port=...&secret=...} or {@code https://t.me/proxy?...} link
     * @return the MTProxy it names
     * @throws InvalidProxyLinkException if the link is malformed (see {@link MtproxyLink#parse})
     * @throws NullPointerException if {@code link} is null
     */
    static Mtproxy mtproxy(String link) {
        return mtproxy(MtproxyLink.parse(link));
    }

    /**
     * @param host an MTProxy's host
     * @param port its port
     * @param secret its secret
     * @return the proxy
     * @throws IllegalArgumentException if the host is blank or the port is outside 1..65535
     */
    static Mtproxy mtproxy(String host, int port, MtproxySecret secret) {
        return new Mtproxy(host, port, secret);
    }

    /**
     * @param host a SOCKS5 proxy's host
     * @param port its port
     * @return the proxy, without authentication
     * @throws IllegalArgumentException if the host is blank or the port is outside 1..65535
     */
    static Socks5 socks5(String host, int port) {
        return new Socks5(host, port, Optional.empty());
    }

    /**
     * @param host a SOCKS5 proxy's host
     * @param port its port
     * @param username the user name
     * @param password the password
     * @return the proxy, with username/password authentication
     * @throws IllegalArgumentException if the host is blank, the port is outside 1..65535, or a credential is
     *     empty or longer than 255 bytes
     */
    static Socks5 socks5(String host, int port, String username, String password) {
        return new Socks5(host, port, Optional.of(new ProxyCredentials(username, password)));
    }

    /**
     * @param host an HTTP proxy's host
     * @param port its port
     * @return the proxy, without authentication
     * @throws IllegalArgumentException if the host is blank or the port is outside 1..65535
     */
    static HttpConnect http(String host, int port) {
        return new HttpConnect(host, port, Optional.empty());
    }

    /**
     * @param host an HTTP proxy's host
     * @param port its port
     * @param username the user name
     * @param password the password
     * @return the proxy, with Basic authentication
     * @throws IllegalArgumentException if the host is blank, the port is outside 1..65535, or a credential is
     *     empty or longer than 255 bytes
     */
    static HttpConnect http(String host, int port, String username, String password) {
        return new HttpConnect(host, port, Optional.of(new ProxyCredentials(username, password)));
    }

    private static void checkAddress(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("proxy host is blank");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " is outside 1..65535");
        }
    }

    private static String show(ProxyConfig proxy) {
        return "ProxyConfig." + proxy.getClass().getSimpleName() + "[" + hostAndPort(proxy.host(), proxy.port())
                + proxy.credentials().map(c -> ", user " + c.username()).orElse("") + "]";
    }

    private static String hostAndPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
