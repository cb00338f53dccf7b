package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ClientClosedException;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * start, stop with a grace period, close (what a lifecycle owner such as Spring's SmartLifecycle relies on),
 * and the client's resilience to its own dependencies: callbacks, failing or slow stores, forged errors.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final NearestDc NEAREST = new NearestDc("XX", 1, 1);

    @Test
    void startReturnsAtOnceAndCompletesWhenConnected() throws Exception {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
            CompletableFuture<Void> started = client.start();
            started.get(10, TimeUnit.SECONDS);
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(client.start()).as("start is idempotent").isCompleted();
        }
    }

    @Test
    void stopLetsCallsInProgressFinishAndRefusesNewOnes() throws Exception {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).delay(Duration.ofMillis(500));
            CompletableFuture<NearestDcType> inProgress = client.invoke(GetNearestDc.INSTANCE);
            CompletableFuture<Void> stopped = client.stop(Duration.ofSeconds(10));
            assertThat(stopped).isNotDone();
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).join()).hasCauseInstanceOf(ClientClosedException.class);
            assertThat(inProgress.get(10, TimeUnit.SECONDS)).isEqualTo(NEAREST);
            stopped.get(10, TimeUnit.SECONDS);
            assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void closeWaitsForTheLastStoreWritesAndWritesNothingAfter() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger writesAfterClose = new AtomicInteger();
        HookedStore slow = new HookedStore(() -> {
            try {
                Thread.sleep(200); // a disk that takes its time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closed.get()) {
                writesAfterClose.incrementAndGet();
            }
        });
        MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(slow).build());
        client.connect().get(10, TimeUnit.SECONDS);
        client.close();
        closed.set(true);
        assertThat(slow.memory.loadHomeDc()).as("the home DC written before close() returned").hasValue(1);
        assertThat(slow.memory.loadAuthorization(1)).isPresent();
        Thread.sleep(600);
        assertThat(writesAfterClose).as("store writes after close()").hasValue(0);
    }

    @Test
    void stopGivesUpOnCallsThatOutlastTheGracePeriod() throws Exception {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).delay(Duration.ofSeconds(30));
            CompletableFuture<NearestDcType> slow = client.invoke(GetNearestDc.INSTANCE);
            client.stop(Duration.ofMillis(300)).get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientClosedException.class);
        }
    }

    @Test
    void aClosedClientOpensNoConnectionAndFailsCallsAtOnce() throws Exception {
        TestDc dc = TELEGRAM.cluster().dc(1);
        MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build());
        client.close();
        int before = dc.inspection().acceptedConnections();
        CompletableFuture<Void> connecting = client.connect();
        CompletableFuture<?> call = client.invoke(GetNearestDc.INSTANCE);
        assertThat(connecting).isCompletedExceptionally();
        assertThatThrownBy(call::join).hasCauseInstanceOf(ClientClosedException.class);
        Thread.sleep(500);
        assertThat(dc.inspection().acceptedConnections()).as("connections opened after close()").isEqualTo(before);
        assertThat(client.state()).isNotEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aContinuationOfConnectMayBlockOnACallWithoutStallingTheConnection() throws Exception {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().requestTimeout(Duration.ofSeconds(5)).build())) {
            CompletableFuture<Object> chained = client.connect().thenApply(v -> client.invoke(GetNearestDc.INSTANCE).join());
            assertThat(chained.get(20, TimeUnit.SECONDS)).isEqualTo(NEAREST);
        }
    }

    @Test
    void aFailingSessionStoreNeitherStopsTimeoutsNorBreaksClose() throws Exception {
        TestDc dc = TELEGRAM.cluster().dc(1);
        AtomicBoolean diskFull = new AtomicBoolean();
        SessionStore store = new HookedStore(() -> {
            if (diskFull.get()) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
        });
        MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build());
        try {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            diskFull.set(true);
            dc.faults().badServerSaltOnNextMessage(); // a new salt: the next tick wants to save it, and fails
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            Thread.sleep(2_500);
            dc.faults().nextCall(GetNearestDc.class).delay(Duration.ofSeconds(30));
            CompletableFuture<?> slow = client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(2));
            assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RequestTimeoutException.class);
        } finally {
            client.close(); // the store still fails: close must finish anyway
        }
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).join()).hasCauseInstanceOf(ClientClosedException.class);
    }

    @Test
    void oneForgedKeyNotFoundErrorDoesNotThrowAwayTheKey() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        MemorySessionStore store = new MemorySessionStore();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            long keyId = store.loadAuthorization(1).orElseThrow().authKey().id();
            int keys = dc.inspection().authKeyCount();
            dc.faults().transportErrorOnNextFrame(-404); // unauthenticated: anyone on the path could send it
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            assertThat(store.loadAuthorization(1).orElseThrow().authKey().id()).isEqualTo(keyId);
            assertThat(dc.inspection().authKeyCount()).isEqualTo(keys);
        }
    }
}
