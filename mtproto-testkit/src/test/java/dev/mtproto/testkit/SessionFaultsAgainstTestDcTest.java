package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SupportName;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Session faults end to end: the real client against the real test DC, counting what the DC executed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionFaultsAgainstTestDcTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(1);

    private static TestDc dc() {
        return TELEGRAM.cluster().dc(1);
    }

    private static MtprotoClient connectedClient() {
        MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build());
        client.invoke(GetNearestDc.INSTANCE).join();
        return client;
    }

    /** Issue 6: a delay fault (during which the client fetches future salts), then a salt change. */
    @Test
    void aSaltChangeAfterADelayedCallLeavesTheSessionWorking() {
        try (MtprotoClient client = connectedClient()) {
            dc().faults().nextCall(GetNearestDc.class).delay(Duration.ofMillis(2500)); // the client's tick fetches future salts meanwhile
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
            dc().faults().badServerSaltOnNextMessage();
            assertThat(client.invoke(GetConfig.INSTANCE, Duration.ofSeconds(10)).join()).isInstanceOf(Config.class);
            assertThat(client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(10)).join()).isEqualTo(new NearestDc("XX", 1, 1));
        }
    }

    /**
     * Bug 4: the DC's clock goes back 10 minutes while it holds a call; the client's next call is refused
     * (msg_id too high), and since msg_ids must rise within a session the client starts a new one. The held
     * call must not be sent again in it: its answer still comes, in the abandoned session.
     */
    @Test
    void aCallHeldAcrossASessionResetRunsOnceAndIsAnsweredFromTheOldSession() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        TELEGRAM.cluster().handlers().on(GetSupportName.class, (method, call) -> {
            runs.incrementAndGet();
            started.countDown();
            return CompletableFuture.supplyAsync(() -> new SupportName("held"),
                    CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
        });
        try (MtprotoClient client = connectedClient()) {
            int before = dc().inspection().executions(GetSupportName.class);
            CompletableFuture<?> held = client.invoke(GetSupportName.INSTANCE, Duration.ofSeconds(20));
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the DC is running the held call").isTrue();
            dc().skewClock(Duration.ofMinutes(-10));
            assertThat(client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(10)).join()).isEqualTo(new NearestDc("XX", 1, 1));
            assertThat(held.join()).isEqualTo(new SupportName("held"));
            assertThat(runs.get()).as("executed once").isEqualTo(1);
            assertThat(dc().inspection().executions(GetSupportName.class)).as("by the DC's own count").isEqualTo(before + 1);
        } finally {
            dc().skewClock(Duration.ZERO);
        }
    }
}
