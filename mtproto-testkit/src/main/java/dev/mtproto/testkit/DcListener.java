package dev.mtproto.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket of a test DC on 127.0.0.1 and its accept loop, on a daemon thread: each accepted
 * socket goes to the DC. A failing accept (out of file descriptors, say) is retried after a pause rather
 * than in a spin.
 */
final class DcListener {
    private static final Logger LOG = LoggerFactory.getLogger(DcListener.class);

    private final ServerSocket server;

    private DcListener(ServerSocket server) {
        this.server = server;
    }

    /**
     * Binds the port and starts accepting.
     *
     * @param port the port, 0 for an ephemeral one
     * @param name names the accepting thread
     * @param accepted takes each accepted socket (with TCP_NODELAY set); runs on the accepting thread
     * @return the listener
     * @throws IOException if the port cannot be bound
     */
    static DcListener start(int port, String name, Consumer<Socket> accepted) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, name, accepted);
    }

    /**
     * Binds the address and port and starts accepting.
     *
     * @param host the loopback address to bind
     * @param port the port, 0 for an ephemeral one
     * @param name names the accepting thread
     * @param accepted takes each accepted socket (with TCP_NODELAY set); runs on the accepting thread
     * @return the listener
     * @throws IOException if the port cannot be bound
     */
    static DcListener start(InetAddress host, int port, String name, Consumer<Socket> accepted) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(host, port), 64);
        DcListener listener = new DcListener(s);
        Thread t = new Thread(() -> listener.acceptLoop(accepted), name);
        t.setDaemon(true);
        t.start();
        return listener;
    }

    int port() {
        return server.getLocalPort();
    }

    boolean isClosed() {
        return server.isClosed();
    }

    void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop(Consumer<Socket> accepted) {
        while (!server.isClosed()) {
            Socket socket = null;
            try {
                socket = server.accept();
                socket.setTcpNoDelay(true);
                accepted.accept(socket);
            } catch (IOException e) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // giving up on it anyway
                    }
                }
                if (!server.isClosed()) {
                    LOG.debug("accept failed: {}", e.getMessage());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
