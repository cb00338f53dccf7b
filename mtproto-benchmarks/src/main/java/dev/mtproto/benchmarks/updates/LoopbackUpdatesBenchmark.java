package dev.mtproto.benchmarks.updates;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.BulkMessages;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.updates.UpdateEngine;
import dev.mtproto.updates.UpdateEngineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Updates end to end over loopback: the test DC's world generates private messages from 50 users to a bot
 * (50 chats), pushes them as {@code updateShortMessage} over MTProto, and the bot's client decrypts them and
 * hands them to the update engine, which checks each pts and delivers it to a handler in order per chat.
 * One operation is one update reaching the handler; each shot sends 20,000 and waits for all of them, so
 * updates/s = 10^9 / (ns per op). Single shots, because the world keeps every message it generated (a
 * throughput loop would fill the heap with history). All in one JVM on the same 2 cores, so the figure
 * includes the server's share of the work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class LoopbackUpdatesBenchmark {
    private static final int BATCH = 20_000;

    private TestCluster cluster;
    private MtprotoClient client;
    private UpdateEngine engine;
    private World world;
    private Account bot;
    private final List<Account> users = new ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private long expected;

    @Setup(Level.Trial)
    public void start() {
        cluster = TestCluster.start(1);
        world = cluster.world();
        bot = world.newBot("loopback_bot").create();
        for (int i = 0; i < 50; i++) {
            users.add(world.newUser("+1779000" + String.format("%04d", i)).name("User " + i).create());
        }
        client = MtprotoClient.create(cluster.clientConfig().sessionStore(new MemorySessionStore()).build());
        Authenticator.of(client).signInBot(bot.botToken()).join();
        engine = UpdateEngine.create(client, UpdateEngineConfig.builder().queueCapacity(50_000).build());
        engine.addHandler(u -> delivered.incrementAndGet());
        engine.start().join();
        // every sender known to the bot first, so each update is taken as pushed (no fetch of the sender)
        BulkMessages greet = world.bulk(users.size());
        users.forEach(u -> greet.between(u, bot));
        expected = greet.send();
        awaitDelivered();
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
        client.close();
        cluster.close();
    }

    private void awaitDelivered() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (delivered.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + delivered.get() + " of " + expected + " updates arrived");
            }
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long updates() {
        BulkMessages batch = world.bulk(BATCH);
        for (Account u : users) {
            batch.between(u, bot);
        }
        expected += batch.send();
        awaitDelivered();
        return delivered.get();
    }
}
