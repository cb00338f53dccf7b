package dev.mtproto.client.net;

import dev.mtproto.transport.MtproxySecret;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection a {@link Dialer} opened: a connected channel, in blocking mode, ready for the MTProto
 * transport's first byte.
 *
 * @param channel the connected channel
 * @param mtproxySecret the MTProxy secret the transport must use on this connection (it then obfuscates
 *     with that secret, with the framing the secret demands), or empty for a connection straight to the DC
 *     or through a SOCKS5/HTTP tunnel
 * @param route how the connection was made, for logs and errors ({@code "direct to 149.154.167.51:443"},
 *     {@code "via SOCKS5 proxy 10.0.0.1:1080"}); never contains a password or secret
 */
public record DialedConnection(SocketChannel channel, Optional<MtproxySecret> mtproxySecret, String route) {
    /** @throws NullPointerException if an argument is null */
    public DialedConnection {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(mtproxySecret, "mtproxySecret");
        Objects.requireNonNull(route, "route");
    }

    /**
     * @param channel a connected channel
     * @param route how it was made
     * @return a connection without an MTProxy secret
     */
    public static DialedConnection plain(SocketChannel channel, String route) {
        return new DialedConnection(channel, Optional.empty(), route);
    }

    /** Closes the channel, ignoring failures (used when the dial is abandoned). */
    public void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
