package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.MigrateException;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.store.FileSessionStore;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.ConfigType;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.UpdateUserTyping;
import dev.mtproto.tl.api.SendMessageTypingAction;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.transport.TransportKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real client against the real test DC over loopback: transports, key reuse, and every fault. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientAgainstTestDcTest {

    /** Strict checks: our own client follows the docs to the letter. */
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    private final List<MtprotoClient> clients = new ArrayList<>();
    private TestDc dc;

    @BeforeEach
    void setUp() {
        dc = TELEGRAM.cluster().dc(1);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MtprotoClient::close);
    }

    private MtprotoClient client() {
        return client(TELEGRAM.cluster().clientConfig().build());
    }

    private MtprotoClient client(dev.mtproto.client.ClientConfig config) {
        MtprotoClient c = MtprotoClient.create(config);
        clients.add(c);
        return c;
    }

    private static NearestDcType nearest(MtprotoClient client) {
        return client.invoke(GetNearestDc.INSTANCE).join();
    }

    static Stream<Arguments> transports() {
        return Stream.of(TransportKind.values()).flatMap(kind -> kind.supportsObfuscation()
                ? Stream.of(Arguments.of(kind, false), Arguments.of(kind, true))
                : Stream.of(Arguments.of(kind, false)));
    }

    @ParameterizedTest(name = "{0}, obfuscated={1}")
    @MethodSource("transports")
    void createsAKeyAndCallsOverEveryTransport(TransportKind kind, boolean obfuscated) {
        int keysBefore = dc.inspection().authKeyCount();
        MtprotoClient client = client(TELEGRAM.cluster().clientConfig().transport(kind, obfuscated).build());
        client.connect().join();
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        ConfigType config = client.invoke(GetConfig.INSTANCE).join();
        assertThat(((Config) config).dcOptions()).hasSize(2);
        assertThat(dc.inspection().authKeyCount()).isEqualTo(keysBefore + 1);
        assertThat(client.droppedMessageCount()).isZero();
    }

    @ParameterizedTest(name = "{0}, obfuscated={1}")
    @MethodSource("transports")
    void quickAcksConfirmEachPacketOfCallsWhenAskedFor(TransportKind kind, boolean obfuscated) {
        MtprotoClient silent = client(TELEGRAM.cluster().clientConfig().transport(kind, obfuscated).build());
        MtprotoClient asking = client(TELEGRAM.cluster().clientConfig().transport(kind, obfuscated).quickAcks(true).build());
        for (int i = 0; i < 3; i++) {
            nearest(silent);
            nearest(asking);
        }
        assertThat(silent.quickAcksReceived()).isZero();
        if (kind == TransportKind.FULL) {
            assertThat(asking.config().quickAcks()).as("the full transport has no quick acks").isFalse();
            assertThat(asking.quickAcksReceived()).isZero();
        } else {
            assertThat(asking.quickAcksReceived()).as("one receipt per packet of calls, tokens matched").isGreaterThanOrEqualTo(3);
        }
        assertThat(asking.droppedMessageCount()).isZero();
    }

    @Test
    void aRestartReusesTheStoredKey(@TempDir Path dir) {
        Path file = dir.resolve("session.txt");
        int keysBefore = dc.inspection().authKeyCount();
        try (FileSessionStore store = FileSessionStore.open(file);
                MtprotoClient first = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            assertThat(nearest(first)).isEqualTo(new NearestDc("XX", 1, 1));
        }
        try (FileSessionStore store = FileSessionStore.open(file);
                MtprotoClient second = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            assertThat(nearest(second)).isEqualTo(new NearestDc("XX", 1, 1));
        }
        assertThat(dc.inspection().authKeyCount()).as("one key for both runs").isEqualTo(keysBefore + 1);
    }

    @Test
    void callsMadeBeforeConnectingWaitAndManyConcurrentCallsAllComplete() {
        MtprotoClient client = client();
        List<CompletableFuture<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(client.invoke(GetNearestDc.INSTANCE));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        assertThat(calls).allSatisfy(f -> assertThat(f.join()).isEqualTo(new NearestDc("XX", 1, 1)));
    }

    @Test
    void rpcErrorsArriveTyped() {
        MtprotoClient client = client(TELEGRAM.cluster().clientConfig().floodWaitThreshold(Duration.ZERO).build());
        nearest(client);
        dc.faults().nextCall(GetConfig.class).failWith(420, "FLOOD_WAIT_3");
        assertThatThrownBy(() -> client.invoke(GetConfig.INSTANCE).join()).hasCauseInstanceOf(FloodWaitException.class)
                .cause().satisfies(e -> assertThat(((FloodWaitException) e).waitSeconds()).isEqualTo(3));
        dc.faults().nextCall(GetNearestDc.class).failWith(303, "PHONE_MIGRATE_7"); // a DC the client has no address for
        assertThatThrownBy(() -> nearest(client)).hasCauseInstanceOf(MigrateException.class);
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
    }

    @Test
    void aConnectionDroppedBeforeTheAnswerLosesNothing() {
        MtprotoClient client = client();
        nearest(client);
        int before = dc.inspection().executions(GetNearestDc.class);
        dc.faults().nextCall(GetNearestDc.class).dropConnectionBeforeAnswer();
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before + 1);
    }

    @Test
    void aConnectionDroppedAfterExecutingAnswersFromTheCacheWithoutRunningTwice() {
        MtprotoClient client = client();
        nearest(client);
        int before = dc.inspection().executions(GetNearestDc.class);
        dc.faults().nextCall(GetNearestDc.class).dropConnectionAfterAnswer();
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        assertThat(dc.inspection().executions(GetNearestDc.class)).as("executed once").isEqualTo(before + 1);
    }

    @Test
    void droppingEveryConnectionUnderLoadLosesNoCallAndRunsNoneTwice() throws Exception {
        MtprotoClient client = client();
        nearest(client);
        int before = dc.inspection().executions(GetNearestDc.class);
        dc.faults().nextCall(m -> true).times(100).delay(Duration.ofMillis(2));
        List<CompletableFuture<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(client.invoke(GetNearestDc.INSTANCE));
            if (i % 25 == 10) {
                dc.dropAllConnections();
            }
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before + 100);
    }

    @Test
    void badSaltsNewSessionsAndClockSkewAreAllSurvived() {
        MtprotoClient client = client();
        nearest(client);
        int before = dc.inspection().executions(GetNearestDc.class);
        dc.faults().badServerSaltOnNextMessage();
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        dc.faults().newSessionOnNextMessage();
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        dc.skewClock(Duration.ofMinutes(10));
        try {
            assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        } finally {
            dc.skewClock(Duration.ZERO);
        }
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before + 4);
    }

    @Test
    void duplicatedReplayedAndGarbageFramesAreDroppedAndCounted() {
        MtprotoClient client = client();
        nearest(client);
        List<UpdatesType> received = new CopyOnWriteArrayList<>();
        client.addUpdateListener(u -> received.add(u.updates()));
        dc.faults().duplicateNextFrames(3);
        dc.faults().replayEarlierFrames(2);
        dc.faults().injectGarbageFrames(3);
        UpdateShort typing = new UpdateShort(new UpdateUserTyping(7L, null, SendMessageTypingAction.INSTANCE), 1);
        dc.pushToAll(typing);
        for (int i = 0; i < 3; i++) {
            assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        }
        assertThat(client.droppedMessageCount()).isGreaterThanOrEqualTo(8);
        assertThat(received).as("the update arrived once").containsExactly(typing);
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aForgottenKeyIsReplacedAndTransportFloodIsRetried() {
        MtprotoClient client = client();
        nearest(client);
        dc.forgetKeys(); // the DC answers -404 to the old key
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        assertThat(dc.inspection().authKeyCount()).isEqualTo(1);
        dc.faults().transportErrorOnNextFrame(-429);
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
    }

    @Test
    void slowAnswersTimeOutAndCancelledCallsDoNotDisturbTheConnection() {
        MtprotoClient client = client();
        nearest(client);
        dc.faults().nextCall(GetNearestDc.class).delay(Duration.ofMillis(2500));
        CompletableFuture<NearestDcType> slow = client.invoke(GetNearestDc.INSTANCE, Duration.ofMillis(800));
        assertThatThrownBy(slow::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(RequestTimeoutException.class);

        dc.faults().nextCall(GetNearestDc.class).delay(Duration.ofMillis(300));
        CompletableFuture<NearestDcType> cancelled = client.invoke(GetNearestDc.INSTANCE);
        cancelled.cancel(true);
        assertThat(nearest(client)).isEqualTo(new NearestDc("XX", 1, 1));
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void pushedUpdatesArriveInOrder() throws Exception {
        MtprotoClient client = client();
        nearest(client);
        List<UpdatesType> received = new CopyOnWriteArrayList<>();
        client.addUpdateListener(u -> received.add(u.updates()));
        List<UpdatesType> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UpdatesType u = new UpdateShort(new UpdateUserTyping(i, null, SendMessageTypingAction.INSTANCE), i);
            sent.add(u);
            dc.pushToAll(u);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void aDelayedCallHoldsUpNeitherOtherCallsNorPushes() throws Exception {
        MtprotoClient client = client();
        nearest(client);
        CompletableFuture<UpdatesType> pushed = new CompletableFuture<>();
        client.addUpdateListener(u -> pushed.complete(u.updates()));
        dc.faults().nextCall(GetNearestDc.class).delay(Duration.ofSeconds(30));
        CompletableFuture<NearestDcType> slow = client.invoke(GetNearestDc.INSTANCE);
        assertThat(client.invoke(GetConfig.INSTANCE).join()).as("sent after the slow call, answered before it").isInstanceOf(Config.class);
        UpdatesType update = new UpdateShort(new UpdateUserTyping(7, null, SendMessageTypingAction.INSTANCE), 1);
        dc.pushToAll(update);
        assertThat(pushed.get(10, TimeUnit.SECONDS)).isEqualTo(update);
        assertThat(slow).as("still waiting for its delayed answer").isNotDone();
        slow.cancel(true);
    }

    @Test
    void aHandlerBugIsAnswered500InsteadOfLeavingTheCallerWaiting() {
        MtprotoClient client = client();
        nearest(client);
        TELEGRAM.cluster().handlers().on(GetNearestDc.class, (method, call) -> null);
        assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(20)).join())
                .cause().isInstanceOfSatisfying(dev.mtproto.rpc.RpcException.class, e -> assertThat(e.code()).isEqualTo(500));
        assertThat(client.invoke(GetConfig.INSTANCE).join()).as("the connection lives on").isInstanceOf(Config.class);
    }
}
