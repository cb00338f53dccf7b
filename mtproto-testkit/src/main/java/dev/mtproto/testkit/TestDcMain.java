package dev.mtproto.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a test DC cluster from the command line, for any MTProto client in any language:
 *
 * <pre>
 * java -jar mtproto-testkit-&lt;version&gt;-standalone.jar [--dcs N] [--port P]
 * </pre>
 *
 * It prints each DC's id and address and the RSA public key (PKCS#1 PEM) to trust, then serves until
 * stopped (Ctrl-C). With {@code --port}, DC 1 listens on P, DC 2 on P+1, ...; by default ports are
 * ephemeral. Exit status 2 on wrong usage.
 */
public final class TestDcMain {
    private TestDcMain() {
    }

    /** @param args {@code [--dcs N] [--port P]} */
    public static void main(String[] args) throws InterruptedException {
        int dcs = 1;
        int port = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dcs" -> dcs = Integer.parseInt(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (dcs < 1 || dcs > 9 || port < 0 || port > 65535 - dcs) {
                throw new IllegalArgumentException("--dcs must be 1..9 and --port a free port");
            }
        } catch (RuntimeException e) {
            System.err.println("usage: TestDcMain [--dcs N] [--port P]   (" + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        TestCluster cluster = TestCluster.start(dcs, port);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stop.countDown();
        }));
        for (TestDc dc : cluster.dcs()) {
            System.out.printf("DC %d listening on %s:%d (id in the key exchange: %d, or %d in test mode)%n",
                    dc.id(), dc.host(), dc.port(), dc.id(), dc.id() + 10_000);
        }
        System.out.printf("RSA public key, fingerprint %016x:%n%s", cluster.rsaPublicKey().fingerprint(), cluster.rsaPublicKeyPem());
        System.out.println("Transports: abridged, intermediate, padded intermediate, full; plain or obfuscated2. Ctrl-C to stop.");
        System.out.flush();
        stop.await();
    }
}
