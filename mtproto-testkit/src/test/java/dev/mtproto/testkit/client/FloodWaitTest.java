package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flood waits (https://core.telegram.org/api/errors#420-flood): sat out within the threshold, shared per method. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FloodWaitTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final NearestDc NEAREST = new NearestDc("XX", 1, 1);

    private static final class Waits implements ClientEventListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void floodWait(String method, ConnectionId connection, Duration wait, boolean waiting) {
            seen.add(method + " " + wait.toSeconds() + "s " + (waiting ? "waited" : "failed"));
        }
    }

    @Test
    void aShortWaitIsSatOutAndTheCallRetried() {
        Waits waits = new Waits();
        TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).failWith(420, "FLOOD_WAIT_1");
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addEventListener(waits).build())) {
            long started = System.nanoTime();
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !waits.seen.isEmpty());
        assertThat(waits.seen).containsExactly("help.getNearestDc 1s waited");
    }

    @Test
    void aWaitOverTheThresholdFailsTheCallWithItsSeconds() {
        Waits waits = new Waits();
        TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).failWith(420, "FLOOD_WAIT_120");
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addEventListener(waits).build())) {
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).join()).cause().isInstanceOf(FloodWaitException.class)
                    .satisfies(e -> assertThat(((FloodWaitException) e).waitSeconds()).isEqualTo(120));
            // the wait is in force: the next call of the method fails without reaching the server
            int executed = TELEGRAM.cluster().dc(1).inspection().executions(GetNearestDc.class);
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).join()).cause().isInstanceOf(FloodWaitException.class);
            assertThat(TELEGRAM.cluster().dc(1).inspection().executions(GetNearestDc.class)).isEqualTo(executed);
            assertThat(client.invoke(GetConfig.INSTANCE).join()).as("other methods are not held").isNotNull();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> waits.seen.size() >= 2);
        assertThat(waits.seen).startsWith("help.getNearestDc 120s failed");
    }

    @Test
    void fiftyCallsDuringAnActiveWaitReachTheServerOnlyAfterItOnceEach() throws Exception {
        TestDc dc = TELEGRAM.cluster().dc(1);
        dc.faults().nextCall(GetNearestDc.class).failWith(420, "FLOOD_WAIT_2");
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.connect().join();
            CompletableFuture<NearestDcType> first = client.invoke(GetNearestDc.INSTANCE);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> client.pendingCalls() == 1 && !first.isDone()
                    && dc.inspection().executions(GetNearestDc.class) == 0);
            Thread.sleep(200); // the flood wait has been answered and is in force now
            List<CompletableFuture<NearestDcType>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(client.invoke(GetNearestDc.INSTANCE));
            }
            Thread.sleep(1000);
            assertThat(dc.inspection().executions(GetNearestDc.class)).as("calls that reached the server during the wait").isZero();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(NEAREST);
            assertThat(dc.inspection().executions(GetNearestDc.class)).as("each call ran once").isEqualTo(51);
        }
    }

    @Test
    void aSlowModeWaitDelaysOnlyTheCallThatGotIt() throws Exception {
        TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).failWith(420, "SLOWMODE_WAIT_2");
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.connect().join();
            CompletableFuture<NearestDcType> slowed = client.invoke(GetNearestDc.INSTANCE);
            Thread.sleep(300); // the slow-mode wait has been answered; the call sits it out
            assertThat(slowed).isNotDone();
            long started = System.nanoTime();
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("another call of the method").isLessThan(Duration.ofMillis(1500));
            assertThat(slowed.join()).isEqualTo(NEAREST);
        }
    }
}
