package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.ReceivedUpdates;
import dev.mtproto.client.UpdateListener;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.client.net.IoLoop;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.SendMessageTypingAction;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdateUserTyping;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.tl.api.InputPeerSelf;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Updates handed out raw with their connection and session, from pushes and from call results, with backpressure. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RawUpdatesTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static UpdatesType typing(int userId) {
        return new UpdateShort(new UpdateUserTyping(userId, null, SendMessageTypingAction.INSTANCE), userId);
    }

    @Test
    void pushedUpdatesArriveInOrderWithTheirConnectionAndSession() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        List<ReceivedUpdates> received = new CopyOnWriteArrayList<>();
        AtomicBoolean onLoop = new AtomicBoolean();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.addUpdateListener(u -> {
                onLoop.compareAndSet(false, IoLoop.onLoopThread());
                received.add(u);
            });
            client.invoke(GetNearestDc.INSTANCE).join();
            for (int i = 1; i <= 50; i++) {
                dc.pushToAll(typing(i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 50);
        }
        assertThat(received).extracting(ReceivedUpdates::updates).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(RawUpdatesTest::typing).toList());
        assertThat(received).allSatisfy(u -> {
            assertThat(u.connection()).isEqualTo(ConnectionId.main(1));
            assertThat(u.sessionId()).isNotZero();
            assertThat(u.source()).isEqualTo(ReceivedUpdates.Source.PUSHED);
        });
        assertThat(onLoop).isFalse();
    }

    @Test
    void updatesReturnedByACallReachTheListenersToo() {
        TELEGRAM.cluster().handlers().on(SendMessage.class, (m, call) -> UpdatesTooLong.INSTANCE);
        List<ReceivedUpdates> received = new CopyOnWriteArrayList<>();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.addUpdateListener(received::add);
            SendMessage send = SendMessage.builder().peer(InputPeerSelf.INSTANCE).message("hi").randomId(42).build();
            assertThat(client.invoke(send).join()).isEqualTo(UpdatesTooLong.INSTANCE);
            await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        }
        assertThat(received).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo(ReceivedUpdates.Source.CALL_RESULT);
            assertThat(u.updates()).isEqualTo(UpdatesTooLong.INSTANCE);
        });
    }

    @Test
    void aNewSessionOnTheDcIsReported() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        AtomicInteger newSessions = new AtomicInteger();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.addUpdateListener(new UpdateListener() {
                @Override
                public void onUpdates(ReceivedUpdates updates) {
                }

                @Override
                public void onNewSession(ConnectionId connection, long sessionId) {
                    newSessions.incrementAndGet();
                }
            });
            client.invoke(GetNearestDc.INSTANCE).join();
            await().atMost(Duration.ofSeconds(5)).until(() -> newSessions.get() >= 1); // the first message of a session
            int before = newSessions.get();
            dc.faults().newSessionOnNextMessage();
            client.invoke(GetNearestDc.INSTANCE).join();
            await().atMost(Duration.ofSeconds(5)).until(() -> newSessions.get() > before);
        }
    }

    @Test
    void aSlowListenerPausesReadingInsteadOfLosingUpdatesOrGrowingTheQueue() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        int capacity = 20;
        List<UpdatesType> received = new CopyOnWriteArrayList<>();
        AtomicInteger maxQueued = new AtomicInteger();
        AtomicBoolean paused = new AtomicBoolean();
        ClientEventListener backpressure = new ClientEventListener() {
            @Override
            public void updatesBackpressure(ConnectionId connection, boolean on) {
                paused.compareAndSet(false, on);
            }
        };
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig()
                .updateQueueCapacity(capacity).addEventListener(backpressure).build())) {
            client.addUpdateListener(u -> {
                maxQueued.accumulateAndGet(client.pendingUpdates(), Math::max);
                try {
                    Thread.sleep(5); // an application slower than its DC
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                received.add(u.updates());
            });
            client.invoke(GetNearestDc.INSTANCE).join();
            for (int i = 1; i <= 400; i++) {
                dc.pushToAll(typing(i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 400);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).as("calls still work").isNotNull();
        }
        assertThat(received).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 400).mapToObj(RawUpdatesTest::typing).toList());
        assertThat(paused).as("reading was paused").isTrue();
        assertThat(maxQueued.get()).as("queued at most").isLessThan(400);
    }
}
