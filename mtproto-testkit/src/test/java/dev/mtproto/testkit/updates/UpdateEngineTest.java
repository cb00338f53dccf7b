package dev.mtproto.testkit.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.updates.CatchUp;
import dev.mtproto.updates.IncomingUpdate;
import dev.mtproto.updates.UpdateEngineConfig;
import dev.mtproto.updates.UpdateEngineEvent;
import dev.mtproto.updates.UpdateOrigin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The update engine against the test DC's world, which sends every recipient the updates Telegram would and
 * keeps its own record of what each account must receive: exactly once, in order per chat, through dropped,
 * duplicated and reordered pushes, restarts and our own calls' results (https://core.telegram.org/api/updates).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UpdateEngineTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }


    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static UpdateEngineConfig fast() {
        return UpdateEngineConfig.builder().gapHold(Duration.ofMillis(100)).saveInterval(Duration.ofMillis(100)).build();
    }

    @Test
    void privateAndGroupMessagesArriveOnceInOrderWithTheirSender() {
        Account bot = world().newBot("order_bot").create();
        Account alice = world().newUser("+17770000001").name("Alice").create();
        WorldChat group = world().newGroup("Order").members(alice, bot).create();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, new MemorySessionStore(), fast())) {
            b.engine.start().join();
            for (int i = 0; i < 20; i++) {
                world().send(alice).to(bot).text("private " + i);
                world().send(alice).to(group).text("group " + i);
            }
            await(() -> b.messageCount() == 40, "40 messages");
            assertThat(b.messagesPerChat()).isEqualTo(EngineBot.expected(world(), bot));
            // the first of the private chat (the group's run concurrently, so either chat may come first overall)
            IncomingUpdate first = b.delivered.stream().filter(u -> u.chatKey() == alice.id()).findFirst().orElseThrow();
            Message m = (Message) ((UpdateNewMessage) first.update()).message();
            assertThat(m.message()).isEqualTo("private 0");
            assertThat(first.chatKey()).isEqualTo(alice.id());
            // https://core.telegram.org/api/updates: a short message from a user we hold no access hash for is fetched in full
            assertThat(first.origin()).isEqualTo(UpdateOrigin.DIFFERENCE);
            assertThat(first.user(alice.id())).as("with its sender").isPresent();
            world().send(alice).to(bot).text("now she is known");
            await(() -> b.messageCount() == 41, "one more");
            IncomingUpdate last = List.copyOf(b.delivered).get(b.delivered.size() - 1);
            assertThat(last.origin()).as("once Alice is known, her messages are taken as pushed").isEqualTo(UpdateOrigin.PUSHED);
        }
    }

    @Test
    void droppedDuplicatedAndReorderedPushesStillGiveExactlyOnce() {
        Account bot = world().newBot("faulty_bot").create();
        Account alice = world().newUser("+17770000002").name("Alice").create();
        WorldChat supergroup = world().newSupergroup("Faults").members(alice, bot).create();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, new MemorySessionStore(), fast())) {
            b.engine.start().join();
            world().updates().of(bot).random(42, 0.2, 0.2, 0.2);
            for (int i = 0; i < 60; i++) {
                if (i % 2 == 0) {
                    world().send(alice).to(bot).text("private " + i);
                } else {
                    world().send(alice).to(supergroup).text("supergroup " + i);
                }
            }
            world().updates().of(bot).clear();
            world().send(alice).to(bot).text("last"); // reveals a gap left at the end
            int total = EngineBot.expected(world(), bot).values().stream().mapToInt(List::size).sum();
            await(() -> b.messageCount() == total, total + " messages");
            assertThat(b.messagesPerChat()).isEqualTo(EngineBot.expected(world(), bot));
            assertThat(b.events).anyMatch(e -> e instanceof UpdateEngineEvent.GapRecovered);
        }
    }

    @Test
    void aRestartedClientCatchesUpOnWhatItMissed() {
        Account bot = world().newBot("restart_bot").create();
        Account alice = world().newUser("+17770000003").name("Alice").create();
        WorldChat channel = world().newSupergroup("Restart").members(alice, bot).create();
        MemorySessionStore store = new MemorySessionStore();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, store, fast())) {
            b.engine.start().join();
            world().send(alice).to(bot).text("before");
            world().send(alice).to(channel).text("before in the supergroup");
            await(() -> b.messageCount() == 2, "2 messages");
        }
        for (int i = 0; i < 5; i++) {
            world().send(alice).to(bot).text("while away " + i);
            world().send(alice).to(channel).text("while away in the supergroup " + i);
        }
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, store, fast())) {
            b.engine.start().join();
            assertThat(b.events).anyMatch(e -> e instanceof UpdateEngineEvent.CatchUpFinished f && f.updates() == 10);
            assertThat(b.messageCount()).isEqualTo(10);
            assertThat(b.delivered).allMatch(u -> u.origin() == UpdateOrigin.DIFFERENCE);
            world().send(alice).to(bot).text("after");
            await(() -> b.messageCount() == 11, "the next one pushed");
        }
    }

    @Test
    void skipToNowIgnoresWhatHappenedWhileAway() {
        Account bot = world().newBot("skip_bot").create();
        Account alice = world().newUser("+17770000004").name("Alice").create();
        MemorySessionStore store = new MemorySessionStore();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, store, fast())) {
            b.engine.start().join();
            world().send(alice).to(bot).text("seen");
            await(() -> b.messageCount() == 1, "1 message");
        }
        world().send(alice).to(bot).text("missed on purpose");
        UpdateEngineConfig skip = UpdateEngineConfig.builder().catchUp(CatchUp.SKIP_TO_NOW).gapHold(Duration.ofMillis(100)).build();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, store, skip)) {
            b.engine.start().join();
            world().send(alice).to(bot).text("new");
            await(() -> b.messageCount() == 1, "the new one");
            Message m = (Message) ((UpdateNewMessage) b.delivered.peek().update()).message();
            assertThat(m.message()).isEqualTo("new");
        }
    }

    @Test
    void ourOwnMessageInAGroupIsDeliveredOnceMarkedAsOurs() {
        Account bot = world().newBot("own_bot").create();
        Account alice = world().newUser("+17770000005").name("Alice").create();
        WorldChat group = world().newGroup("Own").members(alice, bot).create();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, new MemorySessionStore(), fast())) {
            b.engine.start().join();
            b.client.invoke(SendMessage.builder().peer(new InputPeerChat(group.id())).message("from the bot").randomId(99).build()).join();
            world().send(alice).to(group).text("then alice");
            await(() -> b.messageCount() == 2, "2 messages");
            List<IncomingUpdate> all = b.delivered.stream().filter(u -> u.update() instanceof UpdateNewMessage).toList();
            assertThat(all.get(0).origin()).isEqualTo(UpdateOrigin.OWN_CALL);
            assertThat(((Message) ((UpdateNewMessage) all.get(0).update()).message()).out()).isTrue();
            assertThat(b.messagesPerChat()).isEqualTo(EngineBot.expected(world(), bot));
        }
    }

    @Test
    void aGapTooLongForTelegramIsReportedAsLost() {
        Account bot = world().newBot("lost_bot").create();
        Account alice = world().newUser("+17770000006").name("Alice").create();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, new MemorySessionStore(), fast())) {
            b.engine.start().join();
            world().updates().limits().tooLong(10);
            try {
                world().updates().of(bot).dropNext(30);
                for (int i = 0; i < 30; i++) {
                    world().send(alice).to(bot).text("lost " + i);
                }
                world().send(alice).to(bot).text("after the loss");
                await(() -> b.events.stream().anyMatch(e -> e instanceof UpdateEngineEvent.UpdatesLost), "the loss reported");
            } finally {
                world().updates().limits().reset();
            }
            world().send(alice).to(bot).text("and on");
            await(() -> b.delivered.stream().anyMatch(u -> u.update() instanceof UpdateNewMessage n
                    && ((Message) n.message()).message().equals("and on")), "delivery going on");
        }
    }

    @Test
    void aSlowHandlerMakesTheEngineHoldBackWithoutLosingAnythingWhileCallsGoOn() throws Exception {
        Account bot = world().newBot("slow_bot").create();
        Account alice = world().newUser("+17770000007").name("Alice").create();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        UpdateEngineConfig small = UpdateEngineConfig.builder().queueCapacity(16).workers(1).gapHold(Duration.ofMillis(100)).build();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, new MemorySessionStore(), small)) {
            b.engine.addHandler(u -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            b.engine.start().join();
            try {
                world().send(alice).to(bot).text("first");
                for (int i = 0; i < 300; i++) {
                    world().send(alice).to(bot).text("queued " + i);
                }
                world().updates().awaitPushed(Duration.ofSeconds(10));
                await(() -> b.events.stream().anyMatch(e -> e instanceof UpdateEngineEvent.Backpressure p && p.on()), "backpressure on");
                // the capacity, its reserve of a quarter, and at most one difference answer (limited to the capacity)
                assertThat(b.engine.queued()).as("bounded by the configuration").isLessThanOrEqualTo(16 + 4 + 16);
                assertThat(b.client.invoke(dev.mtproto.tl.api.help.GetNearestDc.INSTANCE).get(5, TimeUnit.SECONDS))
                        .as("calls are answered while the handlers are behind").isNotNull();
            } finally {
                release.countDown(); // a failed check above must not leave the handler blocked for the tests after it
            }
            await(() -> b.messageCount() == 301, "all 301");
            assertThat(b.messagesPerChat()).isEqualTo(EngineBot.expected(world(), bot));
            await(() -> b.events.stream().anyMatch(e -> e instanceof UpdateEngineEvent.Backpressure p && !p.on()), "backpressure off");
        }
    }

    @Test
    void aHandlerThatThrowsIsReportedAndTheOthersStillGetEveryUpdate() {
        Account bot = world().newBot("throwing_bot").create();
        Account alice = world().newUser("+17770000008").name("Alice").create();
        try (EngineBot b = new EngineBot(TELEGRAM.cluster(), bot, new MemorySessionStore(), fast())) {
            b.engine.addHandler(u -> {
                throw new IllegalStateException("a bug in the application");
            });
            b.engine.start().join();
            world().send(alice).to(bot).text("one");
            world().send(alice).to(bot).text("two");
            await(() -> b.messageCount() == 2, "both");
            // the counting handler and the throwing one run one after the other, so the second failure's event
            // may be published a moment after the count reaches two
            await(() -> b.events.stream().filter(e -> e instanceof UpdateEngineEvent.HandlerFailed).count() >= 2, "two failures");
            assertThat(b.events).filteredOn(e -> e instanceof UpdateEngineEvent.HandlerFailed).hasSize(2);
        }
    }
}
