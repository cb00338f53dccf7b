package dev.mtproto.client.proxy;

import dev.mtproto.client.net.DcEndpoint;

/**
 * Opens every connection through a SOCKS5 proxy ({@link ProxyConfig.Socks5}): the greeting, username/password
 * authentication if configured, then {@code CONNECT} to the DC's address (an IPv4 or IPv6 literal as an
 * address, anything else as a name the proxy resolves). Failures: see {@link ProxyDialer#dial}; a reply code
 * of 1..6 is {@link ProxyStep#TARGET_REFUSED}, 7, 8 and unassigned codes {@link ProxyStep#PROTOCOL_ERROR}.
 * A DC host name longer than 255 bytes (more than SOCKS5 carries) fails the dial with an
 * {@link IllegalArgumentException}.
 */
public final class Socks5Dialer extends ProxyDialer {

    /** @param config the proxy */
    public Socks5Dialer(ProxyConfig.Socks5 config) {
        super(config);
    }

    @Override
    ProxyHandshake handshake(DcEndpoint target) {
        return new Socks5Handshake(target.host(), target.port(), config().credentials());
    }
}
