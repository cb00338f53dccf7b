package dev.mtproto.client.proxy;

import dev.mtproto.client.net.DialException;
import java.util.Objects;

/**
 * Going through a proxy failed in a way retrying cannot fix: it refused our credentials, or it does not
 * speak the protocol we speak to it. A {@link DialException}, so the client stops trying and
 * {@code connect()} fails at once.
 */
public final class ProxyRefusedException extends DialException implements ProxyFailure {
    private static final long serialVersionUID = 1L;

    /** @serial the failed step */
    private final ProxyStep step;
    /** @serial the proxy, without credentials */
    private final String proxy;

    /**
     * @param step the failed step ({@link ProxyStep#AUTH_REFUSED} or {@link ProxyStep#PROTOCOL_ERROR})
     * @param proxy the proxy, without credentials
     * @param detail what happened
     * @param cause the underlying failure, or null
     * @throws IllegalArgumentException if the step is not a permanent one
     */
    public ProxyRefusedException(ProxyStep step, String proxy, String detail, Throwable cause) {
        super(ProxyFailure.message(step, proxy, detail), cause);
        if (!step.permanent()) {
            throw new IllegalArgumentException(step + " is not permanent: use ProxyUnavailableException");
        }
        this.step = step;
        this.proxy = Objects.requireNonNull(proxy, "proxy");
    }

    @Override
    public ProxyStep step() {
        return step;
    }

    @Override
    public String proxy() {
        return proxy;
    }
}
