package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@link TestCluster#reset()} (run by {@link TestDcExtension} after each test) leaves behind. Root cause
 * of {@code ClientAgainstTestDcTest.aConnectionDroppedBeforeTheAnswerLosesNothing} failing once with
 * "expected: 2 but was: 3": a call an earlier test had delayed (and given up on) still ran when its delay
 * ended, in the middle of the next test, and counted as one of that test's executions.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestClusterResetTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(1);

    @Test
    void aCallDelayedByAnEarlierTestNeverRunsAfterTheReset() throws Exception {
        TestCluster cluster = TELEGRAM.cluster();
        TestDc dc = cluster.dc(1);
        Duration delay = Duration.ofMillis(300);
        try (MtprotoClient earlier = MtprotoClient.create(cluster.clientConfig().build())) {
            earlier.invoke(GetNearestDc.INSTANCE).join();
            dc.faults().nextCall(GetNearestDc.class).delay(delay);
            CompletableFuture<?> slow = earlier.invoke(GetNearestDc.INSTANCE);
            while (dc.inspection().delayedCalls() == 0) { // the DC has the call and holds it
                Thread.sleep(5);
            }
            slow.cancel(true); // the earlier test gives up on it and ends
        }
        cluster.reset();
        int before = dc.inspection().executions(GetNearestDc.class);
        assertThat(dc.inspection().delayedCalls()).as("cancelled by the reset").isZero();

        // the next test runs past the moment the delayed call was due
        try (MtprotoClient next = MtprotoClient.create(cluster.clientConfig().build())) {
            next.invoke(GetNearestDc.INSTANCE).join();
            Thread.sleep(delay.toMillis() * 2);
            next.invoke(GetNearestDc.INSTANCE).join();
        }
        assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before + 2);
    }
}
