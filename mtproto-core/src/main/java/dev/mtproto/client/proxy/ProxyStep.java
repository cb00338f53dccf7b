package dev.mtproto.client.proxy;

/** The step of going through a proxy that failed, as {@link ProxyFailure#step()} reports it. */
public enum ProxyStep {
    /** No TCP connection to the proxy, it did not answer in time, or it closed the connection mid-handshake. */
    PROXY_UNREACHABLE(false),
    /** The proxy refused our credentials, or wants credentials we did not give. */
    AUTH_REFUSED(true),
    /** The proxy could not (or would not) open the connection to the target. */
    TARGET_REFUSED(false),
    /** The proxy answered with bytes that are not the protocol we speak to it. */
    PROTOCOL_ERROR(true),
    /**
     * An MTProxy's FakeTLS reply does not carry the HMAC of our secret: a wrong secret, or a server that is
     * not an MTProxy (a real MTProxy hands clients with another secret to the real site of its domain).
     */
    SECRET_REJECTED(true);

    private final boolean permanent;

    ProxyStep(boolean permanent) {
        this.permanent = permanent;
    }

    /**
     * Tells whether retrying cannot fix a failure of this step: such failures are reported as
     * {@link ProxyRefusedException} (the client stops trying), the others as {@link ProxyUnavailableException}
     * (the client retries with backoff).
     *
     * @return whether a failure of this step is permanent
     */
    public boolean permanent() {
        return permanent;
    }
}
