package dev.mtproto.testkit;

import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.testkit.layers.ApiLayers;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures and starts a {@link TestCluster}, made by {@link TestCluster#builder()}: by default one DC on an
 * ephemeral port, a fresh RSA key, lenient checks, the system clock.
 *
 * <pre>{@code
 * TestCluster strict = TestCluster.builder().dcs(3).firstPort(20443).strictChecks(true).start();
 * TestDcExtension telegram = TestDcExtension.of(TestCluster.builder().dcs(2).mediaAddresses(true));
 * }</pre>
 *
 * <p>Not thread-safe. {@link #start()} may be called more than once: each call starts a cluster of its own
 * (with the same fixed ports, only one at a time can run).
 */
public final class TestClusterBuilder {
    private int count;
    private int firstPort;
    private int[] ports;
    private RsaPrivateKey rsaKey;
    private boolean strictChecks;
    private Clock clock = Clock.systemUTC();
    private Duration idleSessionTimeout = TestCluster.DEFAULT_IDLE_SESSION_TIMEOUT;
    private Path schemaDir;
    private boolean mediaAddresses;
    private boolean ipv6Addresses;
    private boolean cdnDc;

    TestClusterBuilder() {
    }

    /**
     * @param count how many DCs, 1 to {@value TestCluster#MAX_DCS}; default 1, or as many as
     *     {@link #ports} names
     * @return this builder
     * @throws IllegalArgumentException if the count is out of range
     */
    public TestClusterBuilder dcs(int count) {
        if (count < 1 || count > TestCluster.MAX_DCS) {
            throw new IllegalArgumentException("a cluster has 1 to " + TestCluster.MAX_DCS + " DCs, asked for " + count);
        }
        this.count = count;
        return this;
    }

    /**
     * DC 1 listens on {@code port}, DC 2 on the next port, ...
     *
     * @param port the port of DC 1, 1..65535 (0: ephemeral ports, the default)
     * @return this builder
     * @throws IllegalArgumentException if the port is out of range
     */
    public TestClusterBuilder firstPort(int port) {
        checkPort(port, "the first port");
        this.firstPort = port;
        this.ports = null;
        return this;
    }

    /**
     * DC 1 listens on the first port, DC 2 on the second, ...
     *
     * @param ports one port per DC, each 1..65535 (0: an ephemeral port), none twice
     * @return this builder
     * @throws IllegalArgumentException if no port is given, one is out of range or repeated, or there
     *     are more than {@value TestCluster#MAX_DCS}
     */
    public TestClusterBuilder ports(int... ports) {
        if (ports.length == 0 || ports.length > TestCluster.MAX_DCS) {
            throw new IllegalArgumentException("give 1 to " + TestCluster.MAX_DCS + " ports, one per DC; got " + ports.length);
        }
        for (int i = 0; i < ports.length; i++) {
            checkPort(ports[i], "port " + ports[i]);
            for (int j = 0; j < i; j++) {
                if (ports[i] != 0 && ports[i] == ports[j]) {
                    throw new IllegalArgumentException("port " + ports[i] + " is given twice");
                }
            }
        }
        this.ports = ports.clone();
        this.firstPort = 0;
        return this;
    }

    /**
     * Uses a fixed RSA key instead of a fresh one, so that clients configured once keep working across
     * runs.
     *
     * @param key a 2048-bit RSA private key (for example {@code RsaPrivateKey.fromPem(...)})
     * @return this builder
     * @throws IllegalArgumentException if the key is not 2048-bit
     */
    public TestClusterBuilder rsaKey(RsaPrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (key.publicKey().modulusLength() != 256) {
            throw new IllegalArgumentException("the RSA key must be 2048-bit; it has "
                    + key.publicKey().modulusLength() * 8 + " bits");
        }
        this.rsaKey = key;
        return this;
    }

    /**
     * @param strict {@code true} to refuse, with the documented {@code bad_msg_notification} codes,
     *     what Telegram's DCs let pass; default {@code false} (lenient, counted)
     * @return this builder
     */
    public TestClusterBuilder strictChecks(boolean strict) {
        this.strictChecks = strict;
        return this;
    }

    /**
     * @param clock the DCs' clock, for tests that move time (the DCs' msg_ids, salts, idle sessions and
     *     key exchange follow it); default the system clock
     * @return this builder
     */
    public TestClusterBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param timeout how long a DC keeps a session no message used; then it forgets it, and the client's
     *     next message gets {@code new_session_created}; default {@link TestCluster#DEFAULT_IDLE_SESSION_TIMEOUT}
     * @return this builder
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public TestClusterBuilder idleSessionTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the idle session timeout must be positive, got " + timeout);
        }
        this.idleSessionTimeout = timeout;
        return this;
    }

    /**
     * Adds API layers clients may be served in: the directory's schema files named
     * {@code api-layerN.tl}, besides (and over) the bundled ones (see {@link ApiLayers}).
     *
     * @param dir the directory, read when the cluster starts
     * @return this builder
     */
    public TestClusterBuilder schemaDir(Path dir) {
        this.schemaDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * @param media {@code true} to have every DC also listen on a media-only address (an ephemeral port),
     *     announced in {@code help.getConfig} and {@link TestCluster#dcOptions()} with {@code media_only},
     *     serving the same DC; default {@code false}
     * @return this builder
     */
    public TestClusterBuilder mediaAddresses(boolean media) {
        this.mediaAddresses = media;
        return this;
    }

    /**
     * @param ipv6 {@code true} to have every DC also listen on the IPv6 loopback {@code ::1} (an ephemeral
     *     port), announced in {@code help.getConfig} and {@link TestCluster#dcOptions()} with {@code ipv6};
     *     default {@code false}. Check {@link TestCluster#ipv6LoopbackAvailable()} first: starting fails
     *     without it
     * @return this builder
     */
    public TestClusterBuilder ipv6Addresses(boolean ipv6) {
        this.ipv6Addresses = ipv6;
        return this;
    }

    /**
     * @param cdn {@code true} to add a CDN DC ({@value TestCluster#CDN_DC_ID}, an ephemeral port) with its
     *     own RSA key, announced in {@code help.getConfig} and {@link TestCluster#dcOptions()} with
     *     {@code cdn}, its key in {@code help.getCdnConfig}; files the world marks for it answer
     *     {@code upload.getFile} with {@code upload.fileCdnRedirect}; default {@code false}
     * @return this builder
     */
    public TestClusterBuilder cdnDc(boolean cdn) {
        this.cdnDc = cdn;
        return this;
    }

    /**
     * Binds the ports and starts the DCs.
     *
     * @return the running cluster
     * @throws IllegalArgumentException if {@link #dcs} and {@link #ports} disagree, or the ports run past 65535
     * @throws UncheckedIOException if a port cannot be bound (the message names the DC and the port), or the
     *     {@link #schemaDir} cannot be listed
     */
    public TestCluster start() {
        int n = count();
        if (ports != null && count != 0 && count != ports.length) {
            throw new IllegalArgumentException(count + " DCs but " + ports.length + " ports; give one port per DC");
        }
        if (firstPort != 0 && firstPort + n - 1 > 65535) {
            throw new IllegalArgumentException("the first port " + firstPort + " leaves no room for " + n + " DCs below 65536");
        }
        int[] dcPorts = new int[n];
        for (int id = 1; id <= n; id++) {
            dcPorts[id - 1] = ports != null ? ports[id - 1] : firstPort == 0 ? 0 : firstPort + id - 1;
        }
        ClusterSettings settings = new ClusterSettings(strictChecks, clock, idleSessionTimeout,
                schemaDir == null ? ApiLayers.bundled() : ApiLayers.withSchemaDir(schemaDir), mediaAddresses, ipv6Addresses);
        return new TestCluster(rsaKey, settings, dcPorts, cdnDc);
    }

    private int count() {
        return ports != null ? ports.length : Math.max(count, 1);
    }

    private static void checkPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535");
        }
    }
}
