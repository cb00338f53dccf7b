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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@link dev.mtproto.session.server.Leniency}), counting what they let pass ({@link DcInspection#leniencies()});
 * {@link TestClusterBuilder#strictChecks(boolean)} makes them refuse it, for testing a client that must follow the
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
    /** The id of the CDN DC, when {@link TestClusterBuilder#cdnDc(boolean)} asks for one. */
    public static final int CDN_DC_ID = 203;
    private final RsaPrivateKey cdnRsaKey;
    private final TestDc cdnDc;

    /**
     * Starts the DCs; {@link TestClusterBuilder#start()} calls it.
     *
     * @param fixedRsaKey the DCs' RSA key, null for a fresh one
     * @param settings what every DC shares
     * @param ports the port of DC 1, DC 2, ... (0: an ephemeral port)
     * @param withCdnDc whether to add a CDN DC
     */
    TestCluster(RsaPrivateKey fixedRsaKey, ClusterSettings settings, int[] ports, boolean withCdnDc) {
        this.rsaKey = fixedRsaKey != null ? fixedRsaKey : generateKey();
        this.settings = settings;
        this.world = new World(this, settings.clock());
        this.handlers = new RpcHandlers(world);
        DefaultHandlers.install(handlers, this);
        for (int id = 1; id <= ports.length; id++) {
            int port = ports[id - 1];
            TestDc dc = new TestDc(id, this, handlers, List.of(rsaKey), port, settings);
            try {
                dc.start();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot start DC " + id + " on 127.0.0.1:" + port + ": " + e.getMessage(), e);
            }
            dcs.put(id, dc);
        }
        this.cdnRsaKey = withCdnDc ? generateKey() : null;
        this.cdnDc = withCdnDc ? startCdnDc() : null;
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
    public static TestClusterBuilder builder() {
        return new TestClusterBuilder();
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

    /** @return the API layers the DCs serve clients in (see {@link TestClusterBuilder#schemaDir}) */
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
     *     {@link TestClusterBuilder#ipv6Addresses(boolean)}); tests that need it should assume this
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
}
