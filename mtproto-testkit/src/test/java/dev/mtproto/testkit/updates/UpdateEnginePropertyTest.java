package dev.mtproto.testkit.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.updates.UpdateEngineConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random histories against the real test DC: messages in private chats, basic groups and supergroups,
 * pushes dropped, duplicated and reordered at random, connections cut and the client restarted from its
 * store at random moments; what the handlers got must be exactly the world's own record of what the bot
 * should receive, once each, in order per chat (https://core.telegram.org/api/updates).
 */
class UpdateEnginePropertyTest {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static TestCluster cluster;

    @BeforeContainer
    static void start() {
        cluster = TestCluster.builder().dcs(1).start();
    }

    @AfterContainer
    static void stop() {
        cluster.close();
    }

    @Property(tries = 40)
    void whatTheHandlersGetIsTheWorldsRecordOnceAndInOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int messages,
            @ForAll @IntRange(min = 0, max = 25) int faultPercent, @ForAll @IntRange(min = 0, max = 2) int restarts) throws InterruptedException {
        World world = cluster.world();
        int run = RUNS.incrementAndGet();
        Random random = new Random(seed);
        Account bot = world.newBot("prop" + run + "_bot").create();
        Account alice = world.newUser("+1781" + String.format("%06d", run * 2)).name("Alice").create();
        Account bob = world.newUser("+1781" + String.format("%06d", run * 2 + 1)).name("Bob").create();
        List<WorldChat> chats = List.of(world.newGroup("G" + run).members(alice, bob, bot).create(),
                world.newSupergroup("S" + run).members(alice, bob, bot).create());
        MemorySessionStore store = new MemorySessionStore();
        UpdateEngineConfig config = UpdateEngineConfig.builder().gapHold(Duration.ofMillis(50)).saveInterval(Duration.ofMillis(50)).build();
        double fault = faultPercent / 100.0;

        Map<Long, List<Integer>> delivered = new HashMap<>();
        List<String> runs = new ArrayList<>();
        EngineBot client = new EngineBot(cluster, bot, store, config);
        client.engine.start().join();
        // a channel's sequence starts with the first of its updates the client sees (docs/updates.md), as a bot
        // added to a supergroup learns of it: one message in each chat before the faults start
        for (WorldChat chat : chats) {
            world.send(alice).to(chat).text("hello");
        }
        EngineBot first = client;
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (first.messageCount() < chats.size() && System.nanoTime() < warm) {
            Thread.sleep(5);
        }
        world.updates().of(bot).random(seed, fault, fault, fault);
        for (int i = 0; i < messages; i++) {
            Account from = random.nextBoolean() ? alice : bob;
            int where = random.nextInt(3);
            if (where == 2) {
                world.send(from).to(bot).text("m" + i);
            } else {
                world.send(from).to(chats.get(where)).text("m" + i);
            }
            if (random.nextInt(100) < 3) {
                cluster.dc(1).dropAllConnections();
            }
            if (restarts > 0 && random.nextInt(Math.max(1, messages / restarts)) == 0) {
                // (this property found that a stop could store the state before the box's step under way had
                // recorded it, so a restart repeated an update handled just before; stop now waits for that step)
                world.updates().awaitPushed(Duration.ofSeconds(5));
                client.close();
                runs.add(describe(client) + " stored " + store.loadChannelPts());
                merge(delivered, client.messagesPerChat());
                client = new EngineBot(cluster, bot, store, config);
                client.engine.start().join();
            }
        }
        world.updates().of(bot).clear();
        world.send(alice).to(bot).text("last"); // a gap left at the end shows itself: in the common box...
        for (WorldChat chat : chats) {
            world.send(alice).to(chat).text("last"); // ...and in each channel (else only the 15-minute watchdog would)
        }
        Map<Long, List<Integer>> expected = EngineBot.expected(world, bot);
        int total = expected.values().stream().mapToInt(List::size).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(delivered) + client.messageCount() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        client.close();
        runs.add(describe(client) + " stored " + store.loadChannelPts());
        merge(delivered, client.messagesPerChat());
        assertThat(delivered).as("runs: %s", runs).isEqualTo(expected);
    }

    private static String describe(EngineBot b) {
        return b.delivered.stream().map(u -> u.origin().name().charAt(0) + ":" + u.chatKey() % 1000 + ":" + (u.update() instanceof dev.mtproto.tl.api.UpdateNewChannelMessage c
                ? c.message().id() + "/" + c.pts() : u.update() instanceof dev.mtproto.tl.api.UpdateNewMessage n ? n.message().id() + "/" + n.pts()
                : u.update().getClass().getSimpleName())).toList().toString() + " state " + b.client.config().sessionStore().loadUpdateState().map(st -> st.pts()).orElse(-1);
    }

    private static void merge(Map<Long, List<Integer>> into, Map<Long, List<Integer>> more) {
        more.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }

    private static int count(Map<Long, List<Integer>> m) {
        return m.values().stream().mapToInt(List::size).sum();
    }

}
