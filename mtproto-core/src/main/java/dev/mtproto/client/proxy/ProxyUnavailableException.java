package dev.mtproto.client.proxy;

import java.io.IOException;
import java.util.Objects;

/**
 * Going through a proxy failed in a way that may pass: the proxy is unreachable, did not answer in time,
 * closed the connection mid-handshake, or could not reach the target. An {@link IOException}, so the client
 * retries with backoff (and {@code connect()} fails with a {@code ConnectTimeoutException} whose cause is
 * this one).
 */
public final class ProxyUnavailableException extends IOException implements ProxyFailure {
    private static final long serialVersionUID = 1L;

    /** @serial the failed step */
    private final ProxyStep step;
    /** @serial the proxy, without credentials */
    private final String proxy;

    /**
     * @param step the failed step ({@link ProxyStep#PROXY_UNREACHABLE} or {@link ProxyStep#TARGET_REFUSED})
     * @param proxy the proxy, without credentials
     * @param detail what happened
     * @param cause the underlying failure, or null
     * @throws IllegalArgumentException if the step is a permanent one
     */
    public ProxyUnavailableException(ProxyStep step, String proxy, String detail, Throwable cause) {
        super(ProxyFailure.message(step, proxy, detail), cause);
        if (step.permanent()) {
            throw new IllegalArgumentException(step + " is permanent: use ProxyRefusedException");
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
