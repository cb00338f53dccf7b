package dev.mtproto.testkit;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.testkit.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import dev.mtproto.testkit.layers.ApiLayers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Several {@link TestDc}s on 127.0.0.1 that share one RSA key and one set of {@link RpcHandlers}: an
 * in-process stand-in for Telegram's DCs.
 *
 * <pre>{@code
 * try (TestCluster telegram = TestCluster.start(2)) {
 *     telegram.handlers().on(GetNearestDc.class, (m, call) -> new NearestDc("NL", call.dcId(), 1));
 *     try (MtprotoClient client = MtprotoClient.create(telegram.clientConfig().build())) {
 *         client.invoke(GetNearestDc.INSTANCE).join();
 *     }
 * }
 * TestCluster strict = TestCluster.builder().dcs(3).firstPort(20443).strictChecks(true).start();
 * }</pre>
 *
 * <p>By default the DCs are as lenient as Telegram's production DCs (see
 * {@link dev.mtproto.session.server.Leniency}), counting what they let pass ({@link TestDc#leniencies()});
 * {@link Builder#strictChecks(boolean)} makes them refuse it, for testing a client that must follow the
 * docs to the letter.
 */
public final class TestCluster implements AutoCloseable {
    /** The api_id the ready-made client configuration uses. */
    public static final int TEST_API_ID = 17349;
    /** The api_hash the ready-made client configuration uses. */
    public static final String TEST_API_HASH = "0123456789abcdef0123456789abcdef";
    /** The most DCs a cluster has. */
    public static final int MAX_DCS = 9;
    /** How long a DC keeps a session nobody uses, by default: long, as Telegram does. */
    public static final Duration DEFAULT_IDLE_SESSION_TIMEOUT = Duration.ofHours(24);

    private final Map<Integer, TestDc> dcs = new TreeMap<>();
    private final World world;
    private final RpcHandlers handlers;
    private final RsaPrivateKey rsaKey;
    private final ClusterSettings settings;
    /** The id of the CDN DC, when {@link Builder#cdnDc(boolean)} asks for one. */
    public static final int CDN_DC_ID = 203;
    private final RsaPrivateKey cdnRsaKey;
    private final TestDc cdnDc;

    private TestCluster(Builder b) {
        this.rsaKey = b.rsaKey != null ? b.rsaKey : generateKey();
        this.settings = new ClusterSettings(b.strictChecks, b.clock, b.idleSessionTimeout,
                b.schemaDir == null ? ApiLayers.bundled() : ApiLayers.withSchemaDir(b.schemaDir), b.mediaAddresses,
                b.ipv6Addresses);
        this.world = new World(this, b.clock);
        this.handlers = new RpcHandlers(world);
        DefaultHandlers.install(handlers, this);
        for (int id = 1; id <= b.count(); id++) {
            int port = b.port(id);
            TestDc dc = new TestDc(id, this, handlers, List.of(rsaKey), port, settings);
            try {
                dc.start();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot start DC " + id + " on 127.0.0.1:" + port + ": " + e.getMessage(), e);
            }
            dcs.put(id, dc);
        }
        this.cdnRsaKey = b.cdnDc ? generateKey() : null;
        this.cdnDc = b.cdnDc ? startCdnDc() : null;
    }

    private TestDc startCdnDc() {
        TestDc dc = new TestDc(CDN_DC_ID, this, handlers, List.of(cdnRsaKey), 0, settings, true);
        try {
            dc.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the CDN DC on 127.0.0.1: " + e.getMessage(), e);
        }
        return dc;
    }

    /**
     * @return the CDN DC (https://core.telegram.org/cdn), if the cluster has one: it has its own RSA key
     *     ({@link #cdnRsaPublicKeyPem()}, listed by {@code help.getCdnConfig}), keeps its own keys and no
     *     authorizations, and answers {@code upload.getCdnFile}; it is not among {@link #dcs()}
     */
    public Optional<TestDc> cdnDc() {
        return Optional.ofNullable(cdnDc);
    }

    /** @return the CDN DC's RSA public key, if the cluster has a CDN DC */
    public Optional<RsaPublicKey> cdnRsaPublicKey() {
        return Optional.ofNullable(cdnRsaKey).map(RsaPrivateKey::publicKey);
    }

    /** @return the CDN DC's RSA public key as PKCS#1 PEM, as {@code cdnPublicKey.public_key} carries it */
    public Optional<String> cdnRsaPublicKeyPem() {
        return cdnRsaPublicKey().map(k -> PemFormat.rsaPublicKey(k.modulus(), k.exponent()));
    }

    /**
     * Starts DCs 1..{@code count} on ephemeral ports, with a fresh RSA key and lenient checks.
     *
     * @param count how many DCs (1 to {@value #MAX_DCS})
     * @return the running cluster
     * @throws IllegalArgumentException if the count is out of range
     */
    public static TestCluster start(int count) {
        return builder().dcs(count).start();
    }

    /**
     * Starts DCs 1..{@code count} on fixed ports {@code firstPort}, {@code firstPort + 1}, ...
     *
     * @param count how many DCs
     * @param firstPort the port of DC 1
     * @return the running cluster
     * @throws IllegalArgumentException if the count or the port is out of range
     * @throws UncheckedIOException if a port cannot be bound (the message names it)
     */
    public static TestCluster start(int count, int firstPort) {
        return builder().dcs(count).firstPort(firstPort).start();
    }

    /** @return a builder for one DC on an ephemeral port, a fresh RSA key and lenient checks */
    public static Builder builder() {
        return new Builder();
    }

    private static RsaPrivateKey generateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return RsaPrivateKey.of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }

    /** @return the handlers every DC of the cluster uses: test scripts, which take the place of the world's answers */
    public RpcHandlers handlers() {
        return handlers;
    }

    /**
     * @return Telegram's server side as every DC of the cluster shares it: accounts, sign-in, passwords,
     *     login tokens, authorizations, flood limits, chats, messages and their updates
     */
    public World world() {
        return world;
    }

    /**
     * @param id a DC id
     * @return that DC
     * @throws IllegalArgumentException if the cluster has no such DC
     */
    public TestDc dc(int id) {
        TestDc dc = dcs.get(id);
        if (dc == null) {
            throw new IllegalArgumentException("the cluster has no DC " + id + " (it has " + dcs.keySet() + ")");
        }
        return dc;
    }

    /** @return the DCs, by id */
    public List<TestDc> dcs() {
        return new ArrayList<>(dcs.values());
    }

    /** @return whether the DCs refuse what Telegram lets pass */
    public boolean strictChecks() {
        return settings.strictChecks();
    }

    /** @return the API layers the DCs serve clients in (see {@link Builder#schemaDir}) */
    public ApiLayers apiLayers() {
        return settings.layers();
    }

    /** @return the cluster's RSA public key, which clients must trust */
    public RsaPublicKey rsaPublicKey() {
        return rsaKey.publicKey();
    }

    /** @return the public key as PKCS#1 PEM, for clients in other languages */
    public String rsaPublicKeyPem() {
        return PemFormat.rsaPublicKey(rsaPublicKey().modulus(), rsaPublicKey().exponent());
    }

    /**
     * @return whether this machine can listen on the IPv6 loopback {@code ::1} (needed by
     *     {@link Builder#ipv6Addresses(boolean)}); tests that need it should assume this
     */
    public static boolean ipv6LoopbackAvailable() {
        return DcAddresses.ipv6LoopbackAvailable();
    }

    /**
     * @return the DC addresses, for a client: each DC's, its IPv6 ({@code ipv6}) and media-only addresses if it
     *     has them, and the CDN DC's ({@code cdn})
     */
    public DcOptions dcOptions() {
        List<DcAddress> list = new ArrayList<>();
        for (TestDc dc : dcs.values()) {
            list.add(new DcAddress(dc.id(), dc.host(), dc.port()));
            dc.ipv6Port().ifPresent(port -> list.add(new DcAddress(dc.id(), DcAddresses.IPV6_LOOPBACK, port,
                    Set.of(DcAddress.Flag.IPV6), Optional.empty())));
            dc.mediaPort().ifPresent(port -> list.add(new DcAddress(dc.id(), dc.host(), port,
                    Set.of(DcAddress.Flag.MEDIA_ONLY), Optional.empty())));
        }
        if (cdnDc != null) {
            list.add(new DcAddress(cdnDc.id(), cdnDc.host(), cdnDc.port(), Set.of(DcAddress.Flag.CDN), Optional.empty()));
        }
        return DcOptions.of(list);
    }

    /**
     * @return a client configuration for this cluster: its DC addresses, its RSA key trusted, home DC 1,
     *     short timeouts and reconnect delays suited to tests, and no {@code help.getConfig} of its own (the
     *     addresses are the cluster's already, and a test sees exactly the calls it makes); customise further
     *     as needed
     */
    public ClientConfigBuilder clientConfig() {
        return ClientConfig.builder(TEST_API_ID, TEST_API_HASH)
                .dcOptions(dcOptions())
                .addRsaKey(rsaPublicKey())
                .homeDc(1)
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .requestTimeout(java.time.Duration.ofSeconds(10))
                .reconnectPolicy(new dev.mtproto.client.ReconnectPolicy(java.time.Duration.ofMillis(50),
                        java.time.Duration.ofMillis(500), 2.0, 0.2))
                .refreshDcOptions(false);
    }

    /**
     * Puts every DC back as a test found it: default handlers, no faults, no flood limits, the true clock,
     * execution and leniency counts at zero, and no call a delay fault still holds (each is cancelled,
     * answered {@code 500}, and never runs). Keys, sessions, the world's accounts and who is signed in
     * stay, so clients may go on. {@link TestDcExtension} calls it after each test.
     */
    public void reset() {
        handlers.clear();
        DefaultHandlers.install(handlers, this);
        world.reset();
        dcs().forEach(TestDc::reset);
        if (cdnDc != null) {
            cdnDc.reset();
        }
    }

    /** Stops every DC and the world's pushes. */
    @Override
    public void close() {
        dcs.values().forEach(TestDc::close);
        if (cdnDc != null) {
            cdnDc.close();
        }
        world.close();
    }

    @Override
    public String toString() {
        return "TestCluster" + dcs.values();
    }

    /** Configures and starts a {@link TestCluster}. Not thread-safe. */
    public static final class Builder {
        private int count;
        private int firstPort;
        private int[] ports;
        private RsaPrivateKey rsaKey;
        private boolean strictChecks;
        private Clock clock = Clock.systemUTC();
        private Duration idleSessionTimeout = DEFAULT_IDLE_SESSION_TIMEOUT;
        private Path schemaDir;
        private boolean mediaAddresses;
        private boolean ipv6Addresses;
        private boolean cdnDc;

        private Builder() {
        }

        /**
         * @param count how many DCs, 1 to {@value TestCluster#MAX_DCS}; default 1, or as many as
         *     {@link #ports} names
         * @return this builder
         * @throws IllegalArgumentException if the count is out of range
         */
        public Builder dcs(int count) {
            if (count < 1 || count > MAX_DCS) {
                throw new IllegalArgumentException("a cluster has 1 to " + MAX_DCS + " DCs, asked for " + count);
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
        public Builder firstPort(int port) {
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
        public Builder ports(int... ports) {
            if (ports.length == 0 || ports.length > MAX_DCS) {
                throw new IllegalArgumentException("give 1 to " + MAX_DCS + " ports, one per DC; got " + ports.length);
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
        public Builder rsaKey(RsaPrivateKey key) {
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
        public Builder strictChecks(boolean strict) {
            this.strictChecks = strict;
            return this;
        }

        /**
         * @param clock the DCs' clock, for tests that move time (the DCs' msg_ids, salts, idle sessions and
         *     key exchange follow it); default the system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param timeout how long a DC keeps a session no message used; then it forgets it, and the client's
         *     next message gets {@code new_session_created}; default {@link #DEFAULT_IDLE_SESSION_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public Builder idleSessionTimeout(Duration timeout) {
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
        public Builder schemaDir(Path dir) {
            this.schemaDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @param media {@code true} to have every DC also listen on a media-only address (an ephemeral port),
         *     announced in {@code help.getConfig} and {@link TestCluster#dcOptions()} with {@code media_only},
         *     serving the same DC; default {@code false}
         * @return this builder
         */
        public Builder mediaAddresses(boolean media) {
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
        public Builder ipv6Addresses(boolean ipv6) {
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
        public Builder cdnDc(boolean cdn) {
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
            return new TestCluster(this);
        }

        int count() {
            return ports != null ? ports.length : Math.max(count, 1);
        }

        int port(int dcId) {
            if (ports != null) {
                return ports[dcId - 1];
            }
            return firstPort == 0 ? 0 : firstPort + dcId - 1;
        }

        private static void checkPort(int port, String what) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(what + " must be 0..65535");
            }
        }
    }
}
