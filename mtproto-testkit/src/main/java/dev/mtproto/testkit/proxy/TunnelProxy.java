package dev.mtproto.testkit.proxy;

import dev.mtproto.client.proxy.ProxyCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal real proxy on 127.0.0.1: a thread per connection runs the proxy's side of the handshake
 * ({@link #handshake}), connects to the target and copies bytes both ways until either side closes. Counts
 * connections and tunnels; misbehaves on demand ({@link #fault(ProxyFault)}). For tests only: no limits on
 * clients, no access control beyond the optional credentials.
 */
public abstract sealed class TunnelProxy implements AutoCloseable permits Socks5Proxy, HttpConnectProxy {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelProxy.class);

    private final Optional<ProxyCredentials> credentials;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger tunnels = new AtomicInteger();
    private volatile ProxyFault fault = ProxyFault.NONE;
    private volatile boolean closed;

    TunnelProxy(Optional<ProxyCredentials> credentials) throws IOException {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, name() + "-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the loopback address the proxy listens on */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** @return the port the proxy listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the credentials clients must give, if any */
    public Optional<ProxyCredentials> credentials() {
        return credentials;
    }

    /** @return how many TCP connections the proxy accepted */
    public int connections() {
        return connections.get();
    }

    /** @return how many tunnels to a target it opened */
    public int tunnels() {
        return tunnels.get();
    }

    /**
     * Sets how the proxy treats the connections it accepts from now on.
     *
     * @param value the fault, or {@link ProxyFault#NONE}
     */
    public void fault(ProxyFault value) {
        this.fault = Objects.requireNonNull(value, "fault");
    }

    /** @return the current fault */
    ProxyFault fault() {
        return fault;
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        sockets.forEach(TunnelProxy::closeQuietly);
    }

    /** @return the thread name prefix */
    abstract String name();

    /**
     * Runs the proxy's side of the handshake. Answers the client itself, including the success reply (after
     * {@code connect} succeeded) or a refusal.
     *
     * @param in from the client
     * @param out to the client
     * @param connector opens the connection to the target the client named, or fails with an {@link IOException}
     * @return the connection to the target, or null if the handshake ended without a tunnel
     * @throws IOException if the client's bytes are not the protocol, or the connection broke
     */
    abstract Socket handshake(InputStream in, OutputStream out, Connector connector) throws IOException;

    /** Opens the connection to the target the client asked for. */
    interface Connector {
        /**
         * @param target the target
         * @return the connected socket
         * @throws IOException if it cannot be reached
         */
        Socket connect(InetSocketAddress target) throws IOException;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), name() + "-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("{} on port {}: accept failed", name(), port(), e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket target = null;
        try (client) {
            client.setTcpNoDelay(true);
            target = handshake(client.getInputStream(), client.getOutputStream(), this::connect);
            if (target != null) {
                tunnels.incrementAndGet();
                Socket upstream = target;
                Thread back = new Thread(() -> pump(upstream, client), name() + "-back-" + client.getPort());
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
                back.join();
            }
        } catch (IOException e) {
            LOG.debug("{} on port {}: connection ended: {}", name(), port(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (target != null) {
                closeQuietly(target);
                sockets.remove(target);
            }
            sockets.remove(client);
        }
    }

    private Socket connect(InetSocketAddress target) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        try {
            s.connect(target, 5_000);
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            sockets.remove(s);
            s.close();
            throw e;
        }
    }

    /** Copies until the source ends, then half-closes the destination (or closes it, if it cannot). */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    /** @return whether the given credentials are the proxy's (always false while refusing auth) */
    boolean accepts(String username, String password) {
        return fault != ProxyFault.REFUSE_AUTH && credentials.isPresent()
                && credentials.get().username().equals(username) && credentials.get().password().equals(password);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** @return an {@link IOException} saying the client broke the protocol */
    static IOException protocol(String what) {
        return new SocketException("client broke the protocol: " + what);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[127.0.0.1:" + port() + (credentials.isPresent() ? ", with auth" : "") + "]";
    }
}
