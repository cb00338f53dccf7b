package dev.mtproto.client.proxy;

/**
 * A failure to go through a proxy: which proxy, and which step failed. The exception's message names both,
 * never a password.
 */
public sealed interface ProxyFailure permits ProxyUnavailableException, ProxyRefusedException {

    /** @return the step that failed */
    ProxyStep step();

    /** @return the proxy, as {@code "SOCKS5 proxy host:port"} (without credentials) */
    String proxy();

    /**
     * Makes the exception for a failure: a {@link ProxyRefusedException} for a {@link ProxyStep#permanent()
     * permanent} step, a {@link ProxyUnavailableException} for the others.
     *
     * @param step the step that failed
     * @param proxy the proxy, without credentials
     * @param detail what happened
     * @param cause the underlying failure, or null
     * @return the exception, to be thrown
     */
    static Exception of(ProxyStep step, String proxy, String detail, Throwable cause) {
        return step.permanent()
                ? new ProxyRefusedException(step, proxy, detail, cause)
                : new ProxyUnavailableException(step, proxy, detail, cause);
    }

    /**
     * The message both kinds carry.
     *
     * @param step the step
     * @param proxy the proxy
     * @param detail what happened
     * @return {@code "<proxy>: <step>: <detail>"}
     */
    static String message(ProxyStep step, String proxy, String detail) {
        return proxy + ": " + step + ": " + detail;
    }
}
