package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.event.CallInfo;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.client.net.IoLoop;
import dev.mtproto.session.DropReason;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the client tells its event listeners, on which threads, and what a misbehaving listener cannot break. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventsTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final NearestDc NEAREST = new NearestDc("XX", 1, 1);

    /** Writes down each event in a word or two, and whether any arrived on an I/O loop. */
    private static final class Recorder implements ClientEventListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        volatile boolean onLoop;

        private void note(String e) {
            onLoop |= IoLoop.onLoopThread();
            events.add(e);
        }

        @Override
        public void callStarted(CallInfo call) {
            note("call " + call.method() + " #" + call.attempt());
        }

        @Override
        public void callSucceeded(CallInfo call, Duration elapsed) {
            note("ok " + call.method());
        }

        @Override
        public void callFailed(CallInfo call, Duration elapsed, Throwable error) {
            note("failed " + call.method() + ": " + error.getClass().getSimpleName());
        }

        @Override
        public void connectStarted(ConnectionId connection, String address) {
            note("connecting " + connection);
        }

        @Override
        public void connectSucceeded(ConnectionId connection, String route, Duration elapsed) {
            note("connected " + connection + " " + route.startsWith("direct to 127.0.0.1:"));
        }

        @Override
        public void disconnected(ConnectionId connection, Throwable cause) {
            note("disconnected " + connection);
        }

        @Override
        public void reconnectScheduled(ConnectionId connection, int attempt, Duration delay, Throwable cause) {
            note("reconnect " + connection + " after " + attempt + " failures");
        }

        @Override
        public void stateChanged(ConnectionId connection, ConnectionState state) {
            note(connection + " " + state);
        }

        @Override
        public void authKeyCreated(int dcId, boolean temporary, Duration elapsed) {
            note("key " + dcId + (temporary ? " temporary" : " permanent"));
        }

        @Override
        public void messageDropped(ConnectionId connection, DropReason reason) {
            note("dropped " + reason);
        }

        @Override
        public void bytesSent(ConnectionId connection, long bytes) {
            onLoop |= IoLoop.onLoopThread();
            sent.addAndGet(bytes);
        }

        @Override
        public void bytesReceived(ConnectionId connection, long bytes) {
            onLoop |= IoLoop.onLoopThread();
            received.addAndGet(bytes);
        }
    }

    @Test
    void aFirstConnectionAndCallAreReportedInOrderOffTheLoops() {
        Recorder recorder = new Recorder();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addEventListener(recorder).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.events.contains("ok help.getNearestDc"));
        }
        assertThat(recorder.events).containsSubsequence("DC 1 CONNECTING", "connecting DC 1", "key 1 permanent",
                "DC 1 CONNECTED", "connected DC 1 true");
        assertThat(recorder.events).containsSubsequence("call help.getNearestDc #1", "ok help.getNearestDc");
        assertThat(recorder.sent.get()).as("bytes sent").isGreaterThan(64);
        assertThat(recorder.received.get()).as("bytes received").isGreaterThan(64);
        assertThat(recorder.onLoop).as("an event arrived on an I/O loop").isFalse();
    }

    @Test
    void aDroppedConnectionIsReportedWithTheReconnect() {
        Recorder recorder = new Recorder();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addEventListener(recorder).build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            dc.dropAllConnections();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.events.contains("disconnected DC 1")
                    && client.state() == ConnectionState.CONNECTED);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
        }
        assertThat(recorder.events).containsSubsequence("disconnected DC 1", "reconnect DC 1 after 0 failures",
                "DC 1 CONNECTING", "DC 1 CONNECTED");
    }

    @Test
    void aConnectionThatWorkedReconnectsWithoutTheBackoffOfEarlierDrops() {
        Recorder recorder = new Recorder();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addEventListener(recorder).build())) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
                dc.dropAllConnections();
                int drops = i + 1;
                await().atMost(Duration.ofSeconds(10)).until(() -> recorder.events.stream().filter(e -> e.startsWith("reconnect")).count() >= drops);
            }
        }
        assertThat(recorder.events.stream().filter(e -> e.startsWith("reconnect")))
                .as("each drop followed a connection that worked").allMatch(e -> e.endsWith("after 0 failures"));
    }

    @Test
    void droppedMessagesAreCountedByReasonAndReported() {
        Recorder recorder = new Recorder();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addEventListener(recorder).build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            dc.faults().injectGarbageFrames(3);
            dc.faults().duplicateNextFrames(2);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            await().atMost(Duration.ofSeconds(5)).until(() -> client.droppedMessages().get(DropReason.SECURITY_CHECK) >= 2
                    && client.droppedMessages().get(DropReason.DUPLICATE) >= 1);
            assertThat(client.droppedMessageCount()).isEqualTo(client.droppedMessages().values().stream().mapToLong(Long::longValue).sum());
        }
        assertThat(recorder.events).contains("dropped SECURITY_CHECK", "dropped DUPLICATE");
    }

    @Test
    void aListenerThatThrowsOrBlocksOnACallBreaksNothing() throws Exception {
        ClientEventListener throwing = new ClientEventListener() {
            @Override
            public void stateChanged(ConnectionId connection, ConnectionState state) {
                throw new IllegalStateException("a bug in a health indicator");
            }

            @Override
            public void bytesReceived(ConnectionId connection, long bytes) {
                throw new IllegalStateException("a bug in a metrics binder");
            }
        };
        CompletableFuture<Object> fromListener = new CompletableFuture<>();
        MtprotoClient[] holder = new MtprotoClient[1];
        ClientEventListener blocking = new ClientEventListener() {
            @Override
            public void stateChanged(ConnectionId connection, ConnectionState state) {
                if (state == ConnectionState.CONNECTED && !fromListener.isDone()) {
                    // a health check that makes a call from the listener and waits for it
                    fromListener.complete(holder[0].invoke(GetNearestDc.INSTANCE).join());
                }
            }
        };
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig()
                .addEventListener(throwing).addEventListener(blocking).build())) {
            holder[0] = client;
            client.connect().get(10, TimeUnit.SECONDS);
            assertThat(fromListener.get(10, TimeUnit.SECONDS)).isEqualTo(NEAREST);
            assertThat(client.invoke(GetNearestDc.INSTANCE).get(10, TimeUnit.SECONDS)).isEqualTo(NEAREST);
            TELEGRAM.cluster().dc(1).dropAllConnections();
            assertThat(client.invoke(GetNearestDc.INSTANCE).get(10, TimeUnit.SECONDS)).isEqualTo(NEAREST);
        }
    }
}
