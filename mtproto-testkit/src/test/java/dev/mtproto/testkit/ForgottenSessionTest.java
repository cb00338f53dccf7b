package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.session.OutcomeUnknownException;
import dev.mtproto.session.UnansweredCall;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.messages.AllStickersNotModified;
import dev.mtproto.tl.api.messages.GetAllStickers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call running on the DC when the DC forgets the session ({@code new_session_created}, or a restart that
 * keeps keys) ran there once; the new session does not know its msg_id, so the client must not send it again
 * (that would run it twice) but fail it saying it may have run. The DC's count of executions is the judge.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForgottenSessionTest {
    private static final Duration HOLD = Duration.ofMillis(600);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(1);

    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void countRuns() {
        TELEGRAM.cluster().handlers().on(GetAllStickers.class, (method, call) -> {
            runs.incrementAndGet();
            return AllStickersNotModified.INSTANCE;
        });
    }

    @Test
    void aCallRunningWhenTheDcForgetsTheSessionRunsOnceAndFailsSayingItMayHaveRun() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            CompletableFuture<?> held = holdOneCall(dc, client);

            dc.faults().newSessionOnNextMessage();
            client.invoke(GetNearestDc.INSTANCE, DEADLINE).join(); // its message meets the forgetful DC

            assertMayHaveRun(held);
            await().atMost(Duration.ofSeconds(5)).until(() -> dc.inspection().delayedCalls() == 0);
            assertThat(client.invoke(GetNearestDc.INSTANCE, DEADLINE).join()).as("the new session works").isNotNull();
            assertThat(runs).as("executions of the held call").hasValue(1);
        }
    }

    @Test
    void aCallRunningWhenTheDcRestartsRunsOnceAndFailsSayingItMayHaveRun() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            CompletableFuture<?> held = holdOneCall(dc, client);

            dc.restartKeepingKeys(); // the held call still runs; its answer is lost with the session

            assertMayHaveRun(held);
            await().atMost(Duration.ofSeconds(5)).until(() -> dc.inspection().delayedCalls() == 0);
            assertThat(client.invoke(GetNearestDc.INSTANCE, DEADLINE).join()).as("the client goes on after the restart").isNotNull();
            assertThat(runs).as("executions of the held call").hasValue(1);
            assertThat(client.pendingCalls()).isZero();
        }
    }

    @Test
    void aCallAnsweredWhileTheConnectionDroppedIsAnsweredOnceOnTheNextConnection() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            dc.faults().nextCall(GetAllStickers.class).dropConnectionAfterAnswer();

            assertThat(client.invoke(new GetAllStickers(7), DEADLINE).join()).isEqualTo(AllStickersNotModified.INSTANCE);
            assertThat(runs).as("run once; the session survived, so its answer came on the next connection").hasValue(1);
        }
    }

    /** @return a call the DC has started and holds for {@link #HOLD} */
    private static CompletableFuture<?> holdOneCall(TestDc dc, MtprotoClient client) {
        dc.faults().nextCall(GetAllStickers.class).delay(HOLD);
        CompletableFuture<?> held = client.invoke(new GetAllStickers(1), DEADLINE);
        await().atMost(Duration.ofSeconds(5)).until(() -> dc.inspection().delayedCalls() == 1);
        return held;
    }

    private static void assertMayHaveRun(CompletableFuture<?> held) {
        assertThatThrownBy(held::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(OutcomeUnknownException.class)
                .satisfies(e -> assertThat(((UnansweredCall) e).mayHaveRun()).isTrue());
    }
}
