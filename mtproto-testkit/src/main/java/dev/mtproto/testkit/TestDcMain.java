package dev.mtproto.testkit;

import java.io.PrintStream;
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
        TestCluster cluster;
        try {
            cluster = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: TestDcMain [--dcs N] [--port P]   (" + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stop.countDown();
        }));
        stop.await();
    }

    /**
     * Starts a cluster as the command line asks and prints how to reach it.
     *
     * @param args {@code [--dcs N] [--port P]}
     * @param out where to print the addresses and the key
     * @return the running cluster
     * @throws IllegalArgumentException on wrong usage
     */
    static TestCluster start(String[] args, PrintStream out) {
        int dcs = 1;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dcs" -> dcs = number("--dcs", value);
                case "--port" -> port = number("--port", value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (dcs < 1 || dcs > 9) {
            throw new IllegalArgumentException("--dcs must be 1..9, got " + dcs);
        }
        if (port < 0 || port > 65536 - dcs) {
            throw new IllegalArgumentException("--port must leave room for " + dcs + " ports below 65536, got " + port);
        }
        TestCluster cluster = TestCluster.start(dcs, port);
        for (TestDc dc : cluster.dcs()) {
            out.printf("DC %d listening on %s:%d (id in the key exchange: %d, or %d in test mode)%n",
                    dc.id(), dc.host(), dc.port(), dc.id(), dc.id() + 10_000);
        }
        out.printf("RSA public key, fingerprint %016x:%n%s", cluster.rsaPublicKey().fingerprint(), cluster.rsaPublicKeyPem());
        out.println("Transports: abridged, intermediate, padded intermediate, full; plain or obfuscated2. Ctrl-C to stop.");
        out.flush();
        return cluster;
    }

    private static int number(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }
}
