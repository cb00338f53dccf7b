package dev.mtproto.spring.autoconfigure;

import dev.mtproto.client.proxy.InvalidProxyLinkException;
import dev.mtproto.client.proxy.MtproxyLink;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyCredentials;
import java.util.Optional;

/** Turns {@code mtproto.proxy.*} into the proxy the clients dial through, checking it. */
final class ProxyProperties {
    private ProxyProperties() {
    }

    /**
     * @param p the proxy properties
     * @return the proxy, or empty to connect directly
     * @throws InvalidMtprotoPropertyException for a missing host or port, a half-given login, a bad MTProxy link or
     *     secret, or a link given together with a SOCKS5/HTTP proxy
     */
    static Optional<ProxyConfig> of(MtprotoProperties.Proxy p) {
        if (p.link() != null && !p.link().isBlank()) {
            if (p.type() != null || p.host() != null || p.port() != null || p.username() != null || p.password() != null) {
                throw new InvalidMtprotoPropertyException("mtproto.proxy.link", "is set together with mtproto.proxy.type, host, port"
                        + " or a login", "use either an MTProxy link or a SOCKS5/HTTP proxy, not both");
            }
            try {
                return Optional.of(ProxyConfig.mtproxy(MtproxyLink.parse(p.link())));
            } catch (InvalidProxyLinkException e) {
                throw new InvalidMtprotoPropertyException("mtproto.proxy.link", "is not an MTProxy link: " + e.getMessage(),
                        "copy the whole tg://proxy?server=...&port=...&secret=... (or https://t.me/proxy?...) link", e);
            }
        }
        if (p.type() == null) {
            if (p.host() != null || p.port() != null) {
                throw new InvalidMtprotoPropertyException("mtproto.proxy.type", "not set, but mtproto.proxy.host or port is",
                        "set mtproto.proxy.type to socks5 or http");
            }
            return Optional.empty();
        }
        if (p.host() == null || p.host().isBlank()) {
            throw new InvalidMtprotoPropertyException("mtproto.proxy.host", "not set", "set the proxy's host name or IP address");
        }
        if (p.port() == null || p.port() < 1 || p.port() > 65535) {
            throw new InvalidMtprotoPropertyException("mtproto.proxy.port", p.port() == null ? "not set" : "must be 1 to 65535, got " + p.port(),
                    "set the proxy's port, such as 1080 for SOCKS5 or 3128 for HTTP");
        }
        if ((p.username() == null) != (p.password() == null)) {
            throw new InvalidMtprotoPropertyException(p.username() == null ? "mtproto.proxy.username" : "mtproto.proxy.password",
                    "not set, but the other half of the login is", "set both mtproto.proxy.username and mtproto.proxy.password, or neither");
        }
        try {
            Optional<ProxyCredentials> login = p.username() == null ? Optional.empty() : Optional.of(new ProxyCredentials(p.username(), p.password()));
            String host = p.host().strip();
            return Optional.of(switch (p.type()) {
                case SOCKS5 -> new ProxyConfig.Socks5(host, p.port(), login);
                case HTTP -> new ProxyConfig.HttpConnect(host, p.port(), login);
            });
        } catch (IllegalArgumentException e) {
            throw new InvalidMtprotoPropertyException("mtproto.proxy", e.getMessage(), "see \"Proxy\" in docs/spring-boot.md", e);
        }
    }
}
