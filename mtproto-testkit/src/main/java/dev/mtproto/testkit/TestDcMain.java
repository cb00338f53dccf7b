package dev.mtproto.testkit;

import dev.mtproto.session.server.Leniency;
import dev.mtproto.testkit.world.AccountSeed;
import dev.mtproto.testkit.world.ChatSeed;
import dev.mtproto.testkit.world.Chatter;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.accounts.Account;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a test DC cluster from the command line, for any MTProto client in any language:
 *
 * <pre>
 * java -jar mtproto-testkit-&lt;version&gt;-standalone.jar [--dcs N] [--first-port P | --ports P1,P2,...]
 *     [--rsa-key FILE.pem] [--strict] [--verbose] [--media] [--cdn] [--user PHONE:FIRST...]... [--bot USERNAME...]...
 *     [--group|--supergroup|--channel TITLE:MEMBERS...]... [--chatter FROM:TO:INTERVAL]...
 *     [--mtproxy SECRET [--mtproxy-port P]] [--socks5-proxy] [--http-proxy] [--help]
 * </pre>
 *
 * It prints each DC's id and address, the RSA public key (PKCS#1 PEM) to trust with its fingerprint, and
 * the accounts it created (a bot with its token), and the proxies it started in front of the DCs (an MTProxy
 * front as its {@code tg://proxy} link), then serves the cluster's {@link dev.mtproto.testkit.world.World}
 * until stopped (Ctrl-C), printing each login code it sends, and at the end what it let pass. With a fixed
 * key, fixed ports and fixed bot tokens a client's configuration stays the same across runs. Exit status: 0
 * after {@code --help}, 2 on wrong usage (including a key file that is missing or not a 2048-bit RSA private
 * key, or an account that cannot be created), 1 if a DC cannot start (a port in use); the error is one
 * line, without a stack trace.
 */
public final class TestDcMain {
    /** What a launch left running, or the exit status when nothing runs. */
    record Launch(TestCluster cluster, int exitStatus, List<Chatter> chatters, List<AutoCloseable> proxies) {
        Launch(TestCluster cluster, int exitStatus) {
            this(cluster, exitStatus, List.of(), List.of());
        }
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
            launch.chatters().forEach(Chatter::close);
            StandaloneProxies.closeAll(launch.proxies());
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
        List<Account> accounts = new ArrayList<>();
        List<WorldChat> chats = new ArrayList<>();
        List<Chatter> chatters = new ArrayList<>();
        try {
            for (AccountSeed seed : options.accounts()) {
                accounts.add(seed.createIn(cluster.world()));
            }
            for (ChatSeed seed : options.chats()) {
                chats.add(seed.createIn(cluster.world()));
            }
            for (Chatter.Spec spec : options.chatters()) {
                chatters.add(Chatter.start(cluster.world(), spec));
            }
        } catch (IllegalArgumentException e) {
            chatters.forEach(Chatter::close);
            cluster.close();
            return usageError(e, err);
        }
        printAddresses(cluster, out);
        List<AutoCloseable> proxies;
        try {
            proxies = options.proxies().start(cluster, out);
        } catch (IOException e) {
            chatters.forEach(Chatter::close);
            cluster.close();
            err.println("error: a proxy cannot start: " + e.getMessage());
            err.flush();
            return new Launch(null, 1);
        }
        printAccounts(cluster, accounts, out);
        for (WorldChat c : chats) {
            out.printf("%s \"%s\" (id %d%s), %d members%n", c.kind() == ChatKind.GROUP ? "Group" : c.kind() == ChatKind.SUPERGROUP
                    ? "Supergroup" : "Channel", c.title(), c.id(), c.isPublic() ? ", @" + c.username() : "", c.members().size());
        }
        options.chatters().forEach(c -> out.printf("Chatter: %s writes to %s every %s%n", c.from(), c.to(), c.interval()));
        out.flush();
        cluster.world().logins().onCode((phone, code) -> {
            out.printf("Login code for +%s: %s%n", phone, code);
            out.flush();
        });
        return new Launch(cluster, 0, List.copyOf(chatters), proxies);
    }

    private static void printAccounts(TestCluster cluster, List<Account> accounts, PrintStream out) {
        for (Account a : accounts) {
            if (a.bot()) {
                out.printf("Bot @%s (id %d) on DC %d, token %s%n", a.username(), a.id(), a.homeDc(), a.botToken());
            } else {
                out.printf("User +%s \"%s\" (id %d) on DC %d%n", a.phone(), (a.firstName() + " " + a.lastName()).strip(), a.id(), a.homeDc());
            }
        }
        int last = cluster.dcs().size();
        out.printf("Test numbers 99966XYYYY (X = 1..%d) need no --user: on keys made for test DCs (DC id + 10000) they sign up"
                + " and in on DC X with the code XXXXX.%n", last);
        out.flush();
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
            dc.mediaPort().ifPresent(port -> out.printf("DC %d media-only address %s:%d%n", dc.id(), dc.host(), port));
        }
        cluster.cdnDc().ifPresent(cdn -> out.printf("CDN DC %d listening on %s:%d, its own RSA public key:%n%s", cdn.id(), cdn.host(),
                cdn.port(), cluster.cdnRsaPublicKeyPem().orElseThrow()));
        out.printf("RSA public key, fingerprint %016x:%n%s", cluster.rsaPublicKey().fingerprint(), cluster.rsaPublicKeyPem());
        out.println("Checks: " + (cluster.strictChecks() ? "strict, as the MTProto docs say" : "as lenient as Telegram's DCs"));
        out.println("Transports: abridged, intermediate, padded intermediate, full; plain or obfuscated2. Ctrl-C to stop.");
        out.flush();
    }

    private static void printLeniencies(TestCluster cluster, PrintStream out) {
        for (TestDc dc : cluster.dcs()) {
            for (Map.Entry<Leniency, Long> e : dc.inspection().leniencies().entrySet()) {
                if (e.getValue() > 0) {
                    out.printf("DC %d let %d messages pass: %s%n", dc.id(), e.getValue(), e.getKey());
                }
            }
        }
        out.flush();
    }
}
