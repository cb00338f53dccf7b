package dev.mtproto.client.proxy;

/**
 * What a {@link ProxyHandshake} throws when the proxy's answer ends the handshake; the dialer turns it into
 * a {@link ProxyFailure} naming the proxy.
 */
final class HandshakeFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final ProxyStep step;

    HandshakeFailure(ProxyStep step, String detail) {
        super(detail);
        this.step = step;
    }

    ProxyStep step() {
        return step;
    }
}
