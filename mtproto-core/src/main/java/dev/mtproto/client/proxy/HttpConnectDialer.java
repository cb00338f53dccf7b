package dev.mtproto.client.proxy;

import dev.mtproto.client.net.DcEndpoint;

/**
 * Opens every connection through an HTTP proxy ({@link ProxyConfig.HttpConnect}):
 * {@code CONNECT host:port HTTP/1.1}, with {@code Proxy-Authorization: Basic} if credentials are configured;
 * a 2xx status opens the tunnel. Failures: see {@link ProxyDialer#dial}; 407 (and 401, which tinyproxy
 * sends) is {@link ProxyStep#AUTH_REFUSED}, 403 and 5xx {@link ProxyStep#TARGET_REFUSED}, anything else
 * {@link ProxyStep#PROTOCOL_ERROR}.
 */
public final class HttpConnectDialer extends ProxyDialer {

    /** @param config the proxy */
    public HttpConnectDialer(ProxyConfig.HttpConnect config) {
        super(config);
    }

    @Override
    ProxyHandshake handshake(DcEndpoint target) {
        return new HttpConnectHandshake(target.host(), target.port(), config().credentials());
    }
}
