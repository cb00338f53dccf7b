package dev.mtproto.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.UpdateState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored state never runs ahead of the handlers, whatever order they finish in. */
class DeliveryWatermarkTest {
    private final DeliveryWatermark watermark = new DeliveryWatermark(8);

    private static UpdateState pts(int pts) {
        return new UpdateState(pts, 0, 0, 0);
    }

    @Test
    void aStateBecomesSafeOnlyWhenEverythingBeforeItIsHandled() {
        long a = watermark.issue();
        watermark.record(pts(1), Map.of());
        long b = watermark.issue();
        watermark.record(pts(2), Map.of(9L, 40));
        long c = watermark.issue();
        watermark.record(pts(3), Map.of());

        watermark.finished(c);
        watermark.finished(b);
        assertThat(watermark.takeSafeState()).as("the first is still being handled").isNull();
        watermark.finished(a);
        assertThat(watermark.takeSafeState()).isEqualTo(pts(3));
        assertThat(watermark.takeSafeChannels()).containsExactly(Map.entry(9L, 40));
        assertThat(watermark.takeSafeState()).as("taken").isNull();
        assertThat(watermark.unfinished()).isZero();
    }

    @Test
    void aStateChangeWithNothingToDeliverIsSafeAtOnceWhenNothingIsPending() {
        watermark.record(pts(5), Map.of());
        assertThat(watermark.takeSafeState()).isEqualTo(pts(5));
    }

    @Test
    void aFailedWriteIsGivenBackUnlessSomethingNewerCame() {
        watermark.record(pts(5), Map.of(1L, 2));
        UpdateState taken = watermark.takeSafeState();
        Map<Long, Integer> channels = watermark.takeSafeChannels();
        watermark.putBack(taken, channels);
        assertThat(watermark.takeSafeState()).isEqualTo(pts(5));
        watermark.record(pts(6), Map.of());
        watermark.putBack(pts(5), Map.of());
        assertThat(watermark.takeSafeState()).isEqualTo(pts(6));
    }

    @Test
    void theWindowGrowsWhenMoreThanItHoldIsUnfinished() {
        long first = watermark.issue();
        watermark.record(pts(1), Map.of());
        long[] later = new long[40];
        for (int i = 0; i < later.length; i++) {
            later[i] = watermark.issue();
        }
        watermark.record(pts(2), Map.of());
        for (long n : later) {
            watermark.finished(n);
        }
        assertThat(watermark.takeSafeState()).isNull();
        watermark.finished(first);
        assertThat(watermark.takeSafeState()).isEqualTo(pts(2));
        assertThat(watermark.unfinished()).isZero();
    }
}
