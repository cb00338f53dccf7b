package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ClientClosedException;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** start, stop with a grace period, close: what a lifecycle owner (such as Spring's SmartLifecycle) relies on. */
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
    void stopGivesUpOnCallsThatOutlastTheGracePeriod() throws Exception {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).delay(Duration.ofSeconds(30));
            CompletableFuture<NearestDcType> slow = client.invoke(GetNearestDc.INSTANCE);
            client.stop(Duration.ofMillis(300)).get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientClosedException.class);
        }
    }
}
