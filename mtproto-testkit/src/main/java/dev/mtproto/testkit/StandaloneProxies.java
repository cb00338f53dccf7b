package dev.mtproto.testkit;

import dev.mtproto.testkit.proxy.HttpConnectProxy;
import dev.mtproto.testkit.proxy.MtproxyFront;
import dev.mtproto.testkit.proxy.Socks5Proxy;
import dev.mtproto.transport.MtproxySecret;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies the standalone test DC starts in front of its cluster ({@code --mtproxy}, {@code --socks5-proxy},
 * {@code --http-proxy}), all on 127.0.0.1.
 *
 * @param mtproxySecret the MTProxy front's secret, if one is wanted
 * @param mtproxyPort the front's port, 0 for an ephemeral one
 * @param socks5 whether to start a SOCKS5 proxy (no authentication)
 * @param http whether to start an HTTP CONNECT proxy (no authentication)
 */
record StandaloneProxies(Optional<MtproxySecret> mtproxySecret, int mtproxyPort, boolean socks5, boolean http) {
    static final StandaloneProxies NONE = new StandaloneProxies(Optional.empty(), 0, false, false);

    /**
     * Starts the proxies and prints how to reach them (the MTProxy as a {@code tg://proxy} link).
     *
     * @param cluster the running cluster
     * @param out where the addresses go
     * @return what runs, to close at the end
     * @throws IOException if one cannot listen (what started is closed again)
     */
    List<AutoCloseable> start(TestCluster cluster, PrintStream out) throws IOException {
        List<AutoCloseable> running = new ArrayList<>();
        try {
            if (mtproxySecret.isPresent()) {
                MtproxyFront front = MtproxyFront.builder(mtproxySecret.get(), MtproxyFront.dcsOf(cluster)).port(mtproxyPort).start();
                running.add(front);
                out.printf("MTProxy (%s secret) on %s:%d: %s%n", mtproxySecret.get().mode(), front.host(), front.port(), front.link());
            }
            if (socks5) {
                Socks5Proxy proxy = Socks5Proxy.open();
                running.add(proxy);
                out.printf("SOCKS5 proxy on %s:%d%n", proxy.host(), proxy.port());
            }
            if (http) {
                HttpConnectProxy proxy = HttpConnectProxy.open();
                running.add(proxy);
                out.printf("HTTP CONNECT proxy on %s:%d%n", proxy.host(), proxy.port());
            }
        } catch (IOException | RuntimeException e) {
            closeAll(running);
            throw e;
        }
        out.flush();
        return List.copyOf(running);
    }

    /** @param running what {@link #start} returned */
    static void closeAll(List<AutoCloseable> running) {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }
}
