package dev.mtproto.testkit;

import dev.mtproto.session.server.Leniency;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a test DC cluster from the command line, for any MTProto client in any language:
 *
 * <pre>
 * java -jar mtproto-testkit-&lt;version&gt;-standalone.jar [--dcs N] [--first-port P | --ports P1,P2,...]
 *     [--rsa-key FILE.pem] [--strict] [--verbose] [--help]
 * </pre>
 *
 * It prints each DC's id and address and the RSA public key (PKCS#1 PEM) to trust with its fingerprint,
 * then serves until stopped (Ctrl-C), when it prints what it let pass. With a fixed key and fixed ports a
 * client's configuration stays the same across runs. Exit status: 0 after {@code --help}, 2 on wrong usage
 * (including a key file that is missing or not a 2048-bit RSA private key), 1 if a DC cannot start (a port
 * in use); the error is one line, without a stack trace.
 */
public final class TestDcMain {
    /** What a launch left running, or the exit status when nothing runs. */
    record Launch(TestCluster cluster, int exitStatus) {
    }

    private TestDcMain() {
    }

    /**
     * @param args the options; {@code --help} lists them
     * @throws InterruptedException if the main thread is interrupted while the DCs serve
     */
    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.out, System.err);
        if (launch.cluster() == null) {
            System.exit(launch.exitStatus());
            return;
        }
        TestCluster cluster = launch.cluster();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            printLeniencies(cluster, System.out);
            stop.countDown();
        }));
        stop.await();
    }

    /**
     * Starts a cluster as the command line asks and prints how to reach it.
     *
     * @param args the command line
     * @param out where the addresses and the key go (and the usage, for {@code --help})
     * @param err where a one-line error goes
     * @return the running cluster; or, when nothing runs, the exit status: 0 after {@code --help}, 2 for
     *     wrong usage, 1 if the DCs could not start
     */
    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(e, err);
        }
        if (options.help()) {
            out.print(StandaloneOptions.USAGE);
            out.flush();
            return new Launch(null, 0);
        }
        if (options.verbose()) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.mtproto", "debug");
        }
        TestCluster cluster;
        try {
            cluster = options.cluster().start();
        } catch (IllegalArgumentException e) {
            return usageError(e, err);
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return new Launch(null, 1);
        }
        printAddresses(cluster, out);
        return new Launch(cluster, 0);
    }

    private static Launch usageError(IllegalArgumentException e, PrintStream err) {
        err.println("error: " + e.getMessage() + " (--help lists the options)");
        err.flush();
        return new Launch(null, 2);
    }

    private static void printAddresses(TestCluster cluster, PrintStream out) {
        for (TestDc dc : cluster.dcs()) {
            out.printf("DC %d listening on %s:%d (id in the key exchange: %d, or %d in test mode)%n",
                    dc.id(), dc.host(), dc.port(), dc.id(), dc.id() + 10_000);
        }
        out.printf("RSA public key, fingerprint %016x:%n%s", cluster.rsaPublicKey().fingerprint(), cluster.rsaPublicKeyPem());
        out.println("Checks: " + (cluster.strictChecks() ? "strict, as the MTProto docs say" : "as lenient as Telegram's DCs"));
        out.println("Transports: abridged, intermediate, padded intermediate, full; plain or obfuscated2. Ctrl-C to stop.");
        out.flush();
    }

    private static void printLeniencies(TestCluster cluster, PrintStream out) {
        for (TestDc dc : cluster.dcs()) {
            for (Map.Entry<Leniency, Long> e : dc.leniencies().entrySet()) {
                if (e.getValue() > 0) {
                    out.printf("DC %d let %d messages pass: %s%n", dc.id(), e.getValue(), e.getKey());
                }
            }
        }
        out.flush();
    }
}
