package dev.mtproto.testkit;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.RsaPublicKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several {@link TestDc}s on 127.0.0.1 that share one freshly generated RSA key and one set of
 * {@link RpcHandlers}: an in-process stand-in for Telegram's DCs.
 *
 * <pre>{@code
 * try (TestCluster telegram = TestCluster.start(2)) {
 *     telegram.handlers().on(GetNearestDc.class, (m, call) -> new NearestDc("NL", call.dcId(), 1));
 *     try (MtprotoClient client = MtprotoClient.create(telegram.clientConfig().build())) {
 *         client.invoke(GetNearestDc.INSTANCE).join();
 *     }
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {
    /** The api_id the ready-made client configuration uses. */
    public static final int TEST_API_ID = 17349;
    /** The api_hash the ready-made client configuration uses. */
    public static final String TEST_API_HASH = "0123456789abcdef0123456789abcdef";

    private final Map<Integer, TestDc> dcs = new TreeMap<>();
    private final RpcHandlers handlers = new RpcHandlers();
    private final RsaPrivateKey rsaKey;

    private TestCluster(int count, int firstPort) {
        if (count < 1 || count > 9) {
            throw new IllegalArgumentException("a cluster has 1 to 9 DCs, asked for " + count);
        }
        this.rsaKey = generateKey();
        DefaultHandlers.install(handlers, this);
        try {
            for (int id = 1; id <= count; id++) {
                TestDc dc = new TestDc(id, this, handlers, List.of(rsaKey), firstPort == 0 ? 0 : firstPort + id - 1);
                dc.start();
                dcs.put(id, dc);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the test DCs on 127.0.0.1", e);
        }
    }

    /**
     * Starts DCs 1..{@code count} on ephemeral ports.
     *
     * @param count how many DCs (1 to 9)
     * @return the running cluster
     */
    public static TestCluster start(int count) {
        return new TestCluster(count, 0);
    }

    /**
     * Starts DCs 1..{@code count} on fixed ports {@code firstPort}, {@code firstPort + 1}, ...
     *
     * @param count how many DCs
     * @param firstPort the port of DC 1
     * @return the running cluster
     */
    public static TestCluster start(int count, int firstPort) {
        return new TestCluster(count, firstPort);
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

    /** @return the handlers every DC of the cluster uses */
    public RpcHandlers handlers() {
        return handlers;
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

    /** @return the cluster's RSA public key, which clients must trust */
    public RsaPublicKey rsaPublicKey() {
        return rsaKey.publicKey();
    }

    /** @return the public key as PKCS#1 PEM, for clients in other languages */
    public String rsaPublicKeyPem() {
        return PemFormat.rsaPublicKey(rsaPublicKey().modulus(), rsaPublicKey().exponent());
    }

    /** @return the DC addresses, for a client */
    public DcOptions dcOptions() {
        List<DcAddress> list = new ArrayList<>();
        for (TestDc dc : dcs.values()) {
            list.add(new DcAddress(dc.id(), dc.host(), dc.port()));
        }
        return DcOptions.of(list);
    }

    /**
     * @return a client configuration for this cluster: its DC addresses, its RSA key trusted, home DC 1,
     *     short timeouts and reconnect delays suited to tests; customise further as needed
     */
    public ClientConfigBuilder clientConfig() {
        return ClientConfig.builder(TEST_API_ID, TEST_API_HASH)
                .dcOptions(dcOptions())
                .addRsaKey(rsaPublicKey())
                .homeDc(1)
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .requestTimeout(java.time.Duration.ofSeconds(10))
                .reconnectPolicy(new dev.mtproto.client.ReconnectPolicy(java.time.Duration.ofMillis(50),
                        java.time.Duration.ofMillis(500), 2.0, 0.2));
    }

    /**
     * Puts every DC back as a test found it: default handlers, no faults, the true clock, execution counts
     * at zero. Keys and sessions stay, so clients may go on. {@link TestDcExtension} calls it after each test.
     */
    public void reset() {
        handlers.clear();
        DefaultHandlers.install(handlers, this);
        dcs().forEach(TestDc::reset);
    }

    /** Stops every DC. */
    @Override
    public void close() {
        dcs.values().forEach(TestDc::close);
    }

    @Override
    public String toString() {
        return "TestCluster" + dcs.values();
    }
}
