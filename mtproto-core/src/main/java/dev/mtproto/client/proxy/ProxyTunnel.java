package dev.mtproto.client.proxy;

import dev.mtproto.client.net.DcEndpoint;
import dev.mtproto.client.net.DialedConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a TCP connection to a proxy and runs a {@link ProxyHandshake} over it, blocking, all within one
 * timeout: what the proxy dialers share. Failures become {@link ProxyFailure}s naming the proxy and step.
 */
final class ProxyTunnel {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyTunnel.class);

    private final ProxyConfig proxy;

    ProxyTunnel(ProxyConfig proxy) {
        this.proxy = proxy;
    }

    /**
     * @param handshake the handshake for this connection
     * @param target the DC the tunnel leads to
     * @param timeout how long connecting and the handshake may take together
     * @return the channel, in blocking mode, with the tunnel open
     * @throws ProxyUnavailableException if the proxy is unreachable, slow, closes mid-handshake or cannot reach the target
     * @throws ProxyRefusedException if it refuses our credentials or does not speak the protocol
     */
    DialedConnection open(ProxyHandshake handshake, DcEndpoint target, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InetSocketAddress address = new InetSocketAddress(proxy.host(), proxy.port());
        if (address.isUnresolved()) {
            throw fail(ProxyStep.PROXY_UNREACHABLE, "cannot resolve the proxy's host " + proxy.host(), null);
        }
        SocketChannel channel = SocketChannel.open();
        boolean open = false;
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            try {
                channel.socket().connect(address, millisLeft(deadline, timeout));
            } catch (SocketTimeoutException e) {
                throw fail(ProxyStep.PROXY_UNREACHABLE, "no TCP connection to the proxy within " + timeout.toMillis() + " ms", e);
            } catch (IOException e) {
                throw fail(ProxyStep.PROXY_UNREACHABLE, "cannot open a TCP connection to the proxy: " + e.getMessage(), e);
            }
            run(channel, handshake, deadline, timeout);
            open = true;
            LOG.debug("{}: tunnel to {} open", proxy.describe(), target);
            return DialedConnection.plain(channel, "via " + proxy.describe() + " to " + target.hostAndPort());
        } finally {
            if (!open) {
                channel.close();
            }
        }
    }

    private void run(SocketChannel channel, ProxyHandshake handshake, long deadline, Duration timeout) throws IOException {
        byte[] buffer = new byte[512];
        try {
            write(channel, handshake.start());
            InputStream in = channel.socket().getInputStream();
            while (!handshake.done()) {
                channel.socket().setSoTimeout(millisLeft(deadline, timeout));
                int n = in.read(buffer, 0, Math.min(buffer.length, handshake.wanted()));
                if (n < 0) {
                    throw fail(ProxyStep.PROXY_UNREACHABLE, "the proxy closed the connection during the handshake", null);
                }
                write(channel, handshake.receive(buffer, 0, n));
            }
            channel.socket().setSoTimeout(0);
        } catch (SocketTimeoutException e) {
            throw fail(ProxyStep.PROXY_UNREACHABLE, "no answer to the handshake within " + timeout.toMillis() + " ms", e);
        } catch (HandshakeFailure e) {
            throw fail(e.step(), e.getMessage(), null);
        } catch (ProxyUnavailableException e) {
            throw e;
        } catch (IOException e) {
            throw fail(ProxyStep.PROXY_UNREACHABLE, "the connection to the proxy failed during the handshake: " + e.getMessage(), e);
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private int millisLeft(long deadline, Duration timeout) throws ProxyUnavailableException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw (ProxyUnavailableException) fail(ProxyStep.PROXY_UNREACHABLE, "no tunnel within " + timeout.toMillis() + " ms", null);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** @return the exception to throw: checked for a step worth retrying, unchecked (a DialException) otherwise */
    private IOException fail(ProxyStep step, String detail, Throwable cause) {
        Exception e = ProxyFailure.of(step, proxy.describe(), detail, cause);
        if (e instanceof ProxyRefusedException refused) {
            throw refused;
        }
        return (IOException) e;
    }
}
