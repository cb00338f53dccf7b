package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.session.DropReason;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DC's clock jumps (as the client's own clock jumping the other way would look): the client resyncs its
 * time from the DC's msg_ids ({@code bad_msg_notification} 16/17 for its own msg_ids outside the DC's
 * window, or the DC's msg_ids ahead of its own window) and its calls go on being answered, well within their
 * deadline. Jumps of 30 s..300 s ahead are the ones the DC takes without complaint, answering with msg_ids
 * the client would otherwise drop as outside its time window.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClockJumpTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(1);

    @ParameterizedTest(name = "DC clock {0} s, then back")
    @ValueSource(longs = {120, -120, 600, -600})
    void callsAreAnsweredAfterTheClockJumpsAndAfterItJumpsBack(long jumpSeconds) {
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            NearestDcType nearest = client.invoke(GetNearestDc.INSTANCE).join();

            dc.skewClock(Duration.ofSeconds(jumpSeconds));
            for (int i = 0; i < 3; i++) {
                assertThat(client.invoke(GetNearestDc.INSTANCE, DEADLINE).join()).isEqualTo(nearest);
            }
            dc.skewClock(Duration.ZERO);
            for (int i = 0; i < 3; i++) {
                assertThat(client.invoke(GetNearestDc.INSTANCE, DEADLINE).join()).isEqualTo(nearest);
            }

            assertThat(client.droppedMessages().getOrDefault(DropReason.OUTSIDE_TIME_WINDOW, 0L))
                    .as("DC messages dropped for their time").isZero();
        }
    }
}
