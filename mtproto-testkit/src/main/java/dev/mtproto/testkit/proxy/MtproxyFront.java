package dev.mtproto.testkit.proxy;

import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.transport.FakeTlsHello;
import dev.mtproto.transport.MtproxySecret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MTProxy in front of test DCs, on 127.0.0.1, as the official one behaves towards clients
 * (https://core.telegram.org/mtproto/mtproto-transports, transport obfuscation): it accepts obfuscated2
 * keyed with its secret ({@code SHA-256(key || secret)} per direction) with any framing tag, so plain and
 * {@code dd} clients; with an {@code ee} secret also FakeTLS clients, whose ClientHello it checks (HMAC, time
 * window against its clock, replayed randoms, SNI) before answering. It reads the DC from the header
 * (negative for media, +10000 in test mode: both map to the DC's number), connects to that DC and relays,
 * re-obfuscating towards it with a header of its own, as a real MTProxy does.
 *
 * <p>It cannot tell a wrong secret from garbage: such a connection is closed, as are ClientHellos that
 * fail a check (a real MTProxy would hand them to the real site of its domain). One thread per direction
 * per connection; for tests only.
 */
public final class MtproxyFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MtproxyFront.class);
    private static final int REPLAY_CACHE_SIZE = 10_000;

    private final MtproxySecret secret;
    private final IntFunction<InetSocketAddress> dcs;
    private final Clock clock;
    private final Duration window;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Set<Integer> dcFields = ConcurrentHashMap.newKeySet();
    private final Map<MtproxySecret.Mode, AtomicInteger> relayed = new EnumMap<>(MtproxySecret.Mode.class);
    private final Map<String, Boolean> seenRandoms = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REPLAY_CACHE_SIZE;
        }
    };
    private volatile ProxyFault fault = ProxyFault.NONE;
    private volatile boolean closed;

    private MtproxyFront(Builder b) throws IOException {
        this.secret = b.secret;
        this.dcs = b.dcs;
        this.clock = b.clock;
        this.window = b.window;
        for (MtproxySecret.Mode mode : MtproxySecret.Mode.values()) {
            relayed.put(mode, new AtomicInteger());
        }
        this.server = new ServerSocket(b.port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "mtproxy-front-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a front for a cluster's DCs, on an ephemeral port, with the true clock and a 2-minute window.
     *
     * @param cluster the DCs to forward to
     * @param secret the secret clients must use
     * @return the running front
     * @throws IOException if it cannot listen
     */
    public static MtproxyFront open(TestCluster cluster, MtproxySecret secret) throws IOException {
        return builder(secret, dcsOf(cluster)).start();
    }

    /**
     * Starts configuring a front.
     *
     * @param secret the secret clients must use
     * @param dcs the address of each DC number (1, 2, ...), or null for a DC it does not know
     * @return the builder
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(MtproxySecret secret, IntFunction<InetSocketAddress> dcs) {
        return new Builder(secret, dcs);
    }

    /**
     * @param cluster a running cluster
     * @return the address of each of its DCs by number, null for a number it lacks
     */
    public static IntFunction<InetSocketAddress> dcsOf(TestCluster cluster) {
        return n -> cluster.dcs().stream().filter(dc -> dc.id() == n).findFirst()
                .map((TestDc dc) -> new InetSocketAddress(dc.host(), dc.port())).orElse(null);
    }

    /** @return the loopback address the front listens on */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return its secret */
    public MtproxySecret secret() {
        return secret;
    }

    /** @return the {@code tg://proxy} link of this front, with its secret in hex */
    public String link() {
        return "tg://proxy?server=" + host() + "&port=" + port() + "&secret=" + secret.toHex();
    }

    /** @return the client configuration that goes through this front */
    public ProxyConfig.Mtproxy config() {
        return ProxyConfig.mtproxy(host(), port(), secret);
    }

    /** @return how many TCP connections it accepted */
    public int connections() {
        return connections.get();
    }

    /**
     * @param mode how clients reached it: {@code SIMPLE} for obfuscated2 with the abridged or intermediate
     *     tag, {@code PADDED} with the padded intermediate tag, {@code FAKE_TLS} inside FakeTLS
     * @return how many connections of that kind it relayed to a DC
     */
    public int relayed(MtproxySecret.Mode mode) {
        return relayed.get(mode).get();
    }

    /**
     * @return every DC id field that obfuscated2 headers carried ({@code 2}, {@code -2} for media,
     *     {@code 10002} in test mode, ...)
     */
    public Set<Integer> dcFieldsSeen() {
        return Set.copyOf(dcFields);
    }

    /** @return how many connections it closed for a wrong secret, a failed FakeTLS check or an unknown DC */
    public int rejected() {
        return rejected.get();
    }

    /**
     * Sets how the front treats connections from now on: {@link ProxyFault#CLOSE_MID_HANDSHAKE} (close after
     * the ClientHello, or after the obfuscated2 header), {@link ProxyFault#BAD_SERVER_HMAC}; other faults
     * are ignored.
     *
     * @param value the fault, or {@link ProxyFault#NONE}
     */
    public void fault(ProxyFault value) {
        this.fault = Objects.requireNonNull(value, "fault");
    }

    ProxyFault fault() {
        return fault;
    }

    Clock clock() {
        return clock;
    }

    Duration window() {
        return window;
    }

    /** @return the DC a header's id field names (its absolute value, less 10000 in test mode), or null */
    InetSocketAddress dc(int field) {
        dcFields.add(field);
        int number = Math.abs(field) > 10_000 ? Math.abs(field) - 10_000 : Math.abs(field);
        return dcs.apply(number);
    }

    /** @return whether the hello's random is new (and remembers it) */
    boolean firstSeen(FakeTlsHello hello) {
        synchronized (seenRandoms) {
            return seenRandoms.put(hello.clientRandomHex(), Boolean.TRUE) == null;
        }
    }

    void relayedAs(MtproxySecret.Mode mode) {
        relayed.get(mode).incrementAndGet();
    }

    void rejectedOne(String why) {
        rejected.incrementAndGet();
        LOG.debug("MTProxy front on port {}: connection closed: {}", port(), why);
    }

    void track(Socket s) {
        sockets.add(s);
    }

    void untrack(Socket s) {
        sockets.remove(s);
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        MtproxyConnection.closeQuietly(server);
        sockets.forEach(MtproxyConnection::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                track(client);
                Thread t = new Thread(new MtproxyConnection(this, client), "mtproxy-front-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("MTProxy front on port {}: accept failed", port(), e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "MtproxyFront[127.0.0.1:" + port() + ", " + secret + "]";
    }

    /** Configures an {@link MtproxyFront}. */
    public static final class Builder {
        private final MtproxySecret secret;
        private final IntFunction<InetSocketAddress> dcs;
        private Clock clock = Clock.systemUTC();
        private Duration window = Duration.ofMinutes(2);
        private int port;

        private Builder(MtproxySecret secret, IntFunction<InetSocketAddress> dcs) {
            this.secret = Objects.requireNonNull(secret, "secret");
            this.dcs = Objects.requireNonNull(dcs, "dcs");
        }

        /**
         * @param value the clock the FakeTLS time window is checked against
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value how far a ClientHello's time may be from the clock, either way
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder timeWindow(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("the time window must not be negative");
            }
            this.window = value;
            return this;
        }

        /**
         * @param value the port to listen on, 0 for an ephemeral one
         * @return this builder
         * @throws IllegalArgumentException if outside 0..65535
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port " + value + " is outside 0..65535");
            }
            this.port = value;
            return this;
        }

        /**
         * @return the running front
         * @throws IOException if it cannot listen
         */
        public MtproxyFront start() throws IOException {
            return new MtproxyFront(this);
        }
    }
}
