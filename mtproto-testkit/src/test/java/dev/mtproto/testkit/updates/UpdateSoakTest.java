package dev.mtproto.testkit.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.updates.UpdateEngineConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A soak: 100,000 messages across 50 chats (basic groups, supergroups and a private chat) to a bot whose
 * pushes are randomly dropped, duplicated and reordered, with its connection cut twice and the client
 * restarted from its store halfway: every message is delivered exactly once and in order per chat, checked
 * against the world's record of what the bot must receive.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class UpdateSoakTest {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateSoakTest.class);
    private static final int MESSAGES = 100_000;

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    @Test
    void nothingIsLostOrDuplicatedThroughFaultsDisconnectsAndARestart() throws InterruptedException {
        World world = TELEGRAM.cluster().world();
        Account bot = world.newBot("soak_bot").create();
        Account alice = world.newUser("+17780000001").name("Alice").create();
        Account bob = world.newUser("+17780000002").name("Bob").create();
        List<WorldChat> chats = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            chats.add(i % 2 == 0 ? world.newGroup("Group " + i).members(alice, bob, bot).create()
                    : world.newSupergroup("Supergroup " + i).members(alice, bob, bot).create());
        }
        WorldChat[] all = chats.toArray(WorldChat[]::new);
        MemorySessionStore store = new MemorySessionStore();
        UpdateEngineConfig config = UpdateEngineConfig.builder().gapHold(Duration.ofMillis(200)).saveInterval(Duration.ofMillis(200)).build();
        long started = System.nanoTime();

        EngineBot first = new EngineBot(TELEGRAM.cluster(), bot, store, config);
        first.engine.start().join();
        world.updates().of(bot).random(7, 0.002, 0.002, 0.002);
        world.bulk(MESSAGES / 4).in(all).between(alice, bot).seed(1).send();
        TELEGRAM.cluster().dc(1).dropAllConnections();
        world.bulk(MESSAGES / 4).in(all).between(alice, bot).seed(2).send();
        first.close(); // what the handlers finish while it stops is in the stored state, so it counts as the first run's
        Map<Long, List<Integer>> before = first.messagesPerChat();
        LOG.info("first run delivered {} messages", before.values().stream().mapToInt(List::size).sum());

        EngineBot second = new EngineBot(TELEGRAM.cluster(), bot, store, config);
        second.engine.start().join();
        world.bulk(MESSAGES / 4).in(all).between(alice, bot).seed(3).send();
        TELEGRAM.cluster().dc(1).dropAllConnections();
        world.bulk(MESSAGES / 4).in(all).between(alice, bot).seed(4).send();
        world.updates().of(bot).clear();
        world.send(alice).to(bot).text("the end"); // reveals a gap left at the very end

        Map<Long, List<Integer>> expected = EngineBot.expected(world, bot);
        int total = expected.values().stream().mapToInt(List::size).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (count(before) + second.messageCount() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Map<Long, List<Integer>> delivered = merge(before, second.messagesPerChat());
        LOG.info("first run's events: {}", first.events);
        second.close();
        LOG.info("soak: {} messages in {} chats in {} ms", total, expected.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(expected.size()).isEqualTo(50);
        if (!delivered.equals(expected)) {
            StringBuilder why = new StringBuilder("delivered differs from the world's record:");
            expected.forEach((chat, ids) -> {
                List<Integer> got = delivered.getOrDefault(chat, List.of());
                if (!got.equals(ids)) {
                    why.append("\n  chat ").append(chat).append(": expected ").append(ids.size()).append(", got ").append(got.size())
                            .append(", distinct ").append(got.stream().distinct().count());
                }
            });
            why.append("\n  second run's events: ").append(second.events.stream().map(Object::toString).toList());
            throw new AssertionError(why.toString());
        }
    }

    private static int count(Map<Long, List<Integer>> m) {
        return m.values().stream().mapToInt(List::size).sum();
    }

    /** What the first run handled, then what the second did: a restart may repeat nothing, skip nothing. */
    private static Map<Long, List<Integer>> merge(Map<Long, List<Integer>> a, Map<Long, List<Integer>> b) {
        Map<Long, List<Integer>> m = new HashMap<>();
        a.forEach((k, v) -> m.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        b.forEach((k, v) -> m.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return m;
    }

}
