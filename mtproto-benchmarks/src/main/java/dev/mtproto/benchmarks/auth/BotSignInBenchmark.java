package dev.mtproto.benchmarks.auth;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.SignedIn;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing in as a bot from a cold start: a new client with an empty session store, so the time includes
 * the TCP connection, the whole key exchange (client and the in-process test DC's server side) and
 * {@code auth.importBotAuthorization} with its {@code initConnection}. Issue 7's bar: under a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 50)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class BotSignInBenchmark {
    private TestCluster cluster;
    private String token;

    @Setup(Level.Trial)
    public void start() {
        cluster = TestCluster.start(1);
        token = cluster.world().newBot("bench_bot").create().botToken();
    }

    @TearDown(Level.Trial)
    public void stop() {
        cluster.close();
    }

    @Benchmark
    public SignedIn coldStart() {
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().sessionStore(new MemorySessionStore()).build())) {
            return Authenticator.of(client).signInBot(token).join();
        }
    }
}
