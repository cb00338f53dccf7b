package dev.mtproto.client.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Opens a plain TCP connection to the target's address (with {@code TCP_NODELAY}). Proxy dialers use it to
 * reach the proxy itself. Stateless and thread-safe.
 */
final class DirectDialer implements Dialer {
    static final DirectDialer INSTANCE = new DirectDialer();

    private DirectDialer() {
    }

    @Override
    public DialedConnection dial(DcEndpoint target, Duration timeout) throws IOException {
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot resolve " + target.host() + " (" + target + ")");
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            return DialedConnection.plain(channel, "direct to " + target.hostAndPort());
        } catch (SocketTimeoutException e) {
            channel.close();
            throw new SocketTimeoutException("no TCP connection to " + target + " within " + timeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "direct";
    }

    @Override
    public String toString() {
        return "Dialer.direct()";
    }
}
