package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and cancellation of calls in a {@link ClientSession} talking to the in-memory DC: overdue calls fail
 * with a timeout, cancelled ones are left alone, listeners may submit calls while the timeouts are reported, and
 * a call without a deadline never expires whatever {@link System#nanoTime()} says.
 */
class SessionDeadlinesTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void overdueCallsFailWithATimeoutAndCancelledCallsAreDropped() {
        pair.initialize();
        OutgoingCall<NearestDcType> queued = new OutgoingCall<>(GetNearestDc.INSTANCE, "help.getNearestDc", System.nanoTime() - 1);
        pair.client.submit(queued);
        pair.client.expire(System.nanoTime());
        assertThat(queued.future()).isCompletedExceptionally();
        assertThat(pair.events.errors).singleElement().isInstanceOf(RequestTimeoutException.class);

        OutgoingCall<NearestDcType> sent = new OutgoingCall<>(GetNearestDc.INSTANCE, "help.getNearestDc", System.nanoTime() + 50_000_000);
        pair.client.submit(sent);
        pair.client.nextPacket(false); // sent, never answered
        pair.client.expire(System.nanoTime() + 100_000_000);
        assertThat(sent.future()).isCompletedExceptionally();

        OutgoingCall<NearestDcType> cancelled = pair.call(GetNearestDc.INSTANCE);
        pair.dc.receive(pair.client.nextPacket(false));
        assertThat(pair.client.cancel(cancelled)).isTrue();
        pair.pump();
        assertThat(cancelled.future()).as("the session leaves a cancelled call alone").isNotDone();
        assertThat(pair.events.dropped(DropReason.UNKNOWN_REQUEST)).as("the DC took the unsent answer out of its queue").isZero();
    }

    @Test
    void aListenerThatMakesACallWhenOneTimesOutDoesNotBreakTheTick() {
        List<OutgoingCall<NearestDcType>> retries = new ArrayList<>();
        RecordingListener retrying = new RecordingListener() {
            @Override
            public void onError(OutgoingCall<?> call, RuntimeException error) {
                super.onError(call, error);
                for (int i = 0; i < 2; i++) { // continuations that call invoke again, on the same thread
                    OutgoingCall<NearestDcType> retry = new OutgoingCall<>(GetNearestDc.INSTANCE, "retry", Long.MAX_VALUE);
                    retries.add(retry);
                    pair.client.submit(retry);
                }
            }
        };
        pair.client = pair.newClient(retrying);
        long now = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            pair.client.submit(new OutgoingCall<>(GetNearestDc.INSTANCE, "sent", now + 1000));
        }
        pair.dc.receive(pair.client.nextPacket(false)); // sent, answers lost
        pair.dc.drain();
        for (int i = 0; i < 14; i++) { // enough that the retries make the queue grow while it is walked
            pair.client.submit(new OutgoingCall<>(GetNearestDc.INSTANCE, "queued", now + 1000));
        }
        pair.client.expire(now + 2000);
        assertThat(retrying.errors).hasSize(16).allSatisfy(e -> assertThat(e).isInstanceOf(RequestTimeoutException.class));
        pair.pump();
        assertThat(retries).hasSize(32).allSatisfy(r -> assertThat(r.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
    }

    @Test
    void callsWithoutADeadlineNeverExpireWhateverNanoTimeSays() {
        OutgoingCall<NearestDcType> forever = pair.call(GetNearestDc.INSTANCE);
        pair.client.expire(-1_000_000_000L); // System.nanoTime() may be negative
        pair.client.expire(Long.MIN_VALUE + 5);
        assertThat(forever.future()).isNotDone();
        assertThat(forever.isOverdue(Long.MAX_VALUE - 1)).isFalse();
        OutgoingCall<NearestDcType> soon = new OutgoingCall<>(GetNearestDc.INSTANCE, "soon", Long.MIN_VALUE + 10);
        assertThat(soon.isOverdue(Long.MIN_VALUE + 5)).isFalse();
        assertThat(soon.isOverdue(Long.MIN_VALUE + 11)).isTrue();
    }
}
