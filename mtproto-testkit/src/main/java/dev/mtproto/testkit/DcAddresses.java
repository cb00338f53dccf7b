package dev.mtproto.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The addresses one test DC listens on: its main port and, when the cluster announces media-only addresses,
 * a second port that serves the same DC, and with IPv6 addresses a port on {@code ::1}. All hand accepted
 * sockets to the DC.
 */
final class DcAddresses {
    /** The IPv6 loopback address, as {@code dcOption}s carry it. */
    static final String IPV6_LOOPBACK = "::1";

    private final int dcId;
    private final int requestedPort;
    private final boolean withMedia;
    private final boolean withIpv6;
    private final Consumer<Socket> serve;
    private final AtomicInteger acceptedMedia = new AtomicInteger();
    private volatile DcListener main;
    private volatile DcListener media;
    private volatile DcListener ipv6;

    /**
     * @param dcId the DC's id, for thread names
     * @param requestedPort the main port to bind, 0 for any
     * @param withMedia whether to open a media-only address too
     * @param withIpv6 whether to listen on {@code ::1} too
     * @param serve what to do with each accepted connection
     */
    DcAddresses(int dcId, int requestedPort, boolean withMedia, boolean withIpv6, Consumer<Socket> serve) {
        this.dcId = dcId;
        this.requestedPort = requestedPort;
        this.withMedia = withMedia;
        this.withIpv6 = withIpv6;
        this.serve = serve;
    }

    /** @return whether {@code ::1} can be bound here */
    static boolean ipv6LoopbackAvailable() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(IPV6_LOOPBACK), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Binds 127.0.0.1 (and {@code ::1} if asked) and starts accepting. */
    void start() throws IOException {
        main = DcListener.start(requestedPort, mainName(), serve);
        if (withIpv6) {
            try {
                ipv6 = DcListener.start(InetAddress.getByName(IPV6_LOOPBACK), 0, "testdc" + dcId + "-ipv6-accept", serve);
            } catch (IOException e) {
                throw new IOException("DC " + dcId + " cannot listen on [::1] (no IPv6 loopback here?); check"
                        + " TestCluster.ipv6LoopbackAvailable() before asking for IPv6 addresses", e);
            }
        }
        if (withMedia) {
            media = DcListener.start(0, "testdc" + dcId + "-media-accept", socket -> {
                acceptedMedia.incrementAndGet();
                serve.accept(socket);
            });
        }
    }

    /** @return whether the main port is bound (false before {@link #start()}) */
    boolean started() {
        return main != null;
    }

    /** @return the main port */
    int port() {
        return main.port();
    }

    /** @return the media-only port, if there is one */
    OptionalInt mediaPort() {
        DcListener l = media;
        return l == null ? OptionalInt.empty() : OptionalInt.of(l.port());
    }

    /** @return the port on {@code ::1}, if there is one */
    OptionalInt ipv6Port() {
        DcListener l = ipv6;
        return l == null ? OptionalInt.empty() : OptionalInt.of(l.port());
    }

    /** @return how many connections the media-only port accepted */
    int acceptedMediaConnections() {
        return acceptedMedia.get();
    }

    /** Stops accepting on the main port; {@link #listenAgain()} binds it again. */
    void stopMain() {
        main.close();
    }

    /**
     * Binds the main port again, retrying for a while: the closed sockets of the old connections may hold it a
     * moment.
     *
     * @throws UncheckedIOException if the port cannot be bound within 5 seconds
     */
    void listenAgain() {
        int port = main.port();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                main = DcListener.start(port, mainName(), serve);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > until) {
                    throw new UncheckedIOException("cannot listen on port " + port + " again", e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException("interrupted while listening on port " + port + " again", e);
                }
            }
        }
    }

    /** Stops accepting on every address. */
    void close() {
        DcListener l = main;
        if (l != null) {
            l.close();
        }
        DcListener m = media;
        if (m != null) {
            m.close();
        }
        DcListener v6 = ipv6;
        if (v6 != null) {
            v6.close();
        }
    }

    private String mainName() {
        return "testdc" + dcId + "-accept";
    }
}
