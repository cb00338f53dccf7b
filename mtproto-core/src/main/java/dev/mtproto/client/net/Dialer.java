package dev.mtproto.client.net;

import java.io.IOException;
import java.time.Duration;

/**
 * How a connection reaches a DC: a direct TCP connection ({@link #direct()}), or a tunnel through a proxy.
 * The client calls it for every connection it opens (to every DC, for every role), on one of its connect
 * threads, never on an I/O loop; it may block up to {@code timeout}.
 *
 * <p>The connection it returns is in blocking mode with the tunnel (if any) already set up: the next byte
 * written is the MTProto transport's first. The client then switches the channel to non-blocking mode
 * and owns it. A dialer that talks to an MTProxy also says which secret the transport must use
 * ({@link DialedConnection#mtproxySecret()}).
 *
 * <p>Implementations must be thread-safe: several connections are dialed at once.
 */
@FunctionalInterface
public interface Dialer {

    /**
     * Opens a connection to a DC.
     *
     * @param target the DC address to reach
     * @param timeout how long opening (including any proxy handshake) may take
     * @return the open connection
     * @throws IOException if the DC (or the proxy) cannot be reached, refuses, or does not answer in time;
     *     the client retries with backoff
     * @throws DialException for a failure retrying cannot fix (a proxy refusing our credentials, a bad
     *     proxy configuration); the client reports it to the caller of {@code connect()} at once
     */
    DialedConnection dial(DcEndpoint target, Duration timeout) throws IOException;

    /**
     * A short name for logs, events and {@link TransportRoute} names: {@code "direct"}, {@code "SOCKS5 proxy
     * 10.0.0.1:1080"}. It must never contain a password or secret. The default names the class, or says
     * {@code "custom dialer"} for a lambda.
     *
     * @return the name
     */
    default String describe() {
        return getClass().isHidden() || getClass().isAnonymousClass() ? "custom dialer" : getClass().getSimpleName();
    }

    /** @return the dialer that opens a plain TCP connection to the DC's address */
    static Dialer direct() {
        return DirectDialer.INSTANCE;
    }
}
