package dev.mtproto.session.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.mtproto.FutureSalt;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServerSaltScheduleTest {
    private static final long T0 = 1_700_000_000L;
    private static final int HOUR = ServerSaltSchedule.LIFETIME_SECONDS;

    private final AtomicLong counter = new AtomicLong(100);
    private final ServerSaltSchedule schedule = new ServerSaltSchedule(1, T0, counter::incrementAndGet);

    @Test
    void theFirstSaltHoldsForItsHourThenItsSuccessorTakesOverWithAnOverlap() {
        assertThat(schedule.current(T0 + HOUR - 1)).isEqualTo(1);
        assertThat(schedule.accepts(1, T0 + HOUR - 1)).isTrue();

        long next = schedule.current(T0 + HOUR);
        assertThat(next).isNotEqualTo(1);
        assertThat(schedule.accepts(next, T0 + HOUR)).isTrue();
        assertThat(schedule.accepts(1, T0 + HOUR + ServerSaltSchedule.OVERLAP_SECONDS - 1)).as("overlap").isTrue();
        assertThat(schedule.accepts(1, T0 + HOUR + ServerSaltSchedule.OVERLAP_SECONDS)).isFalse();
        assertThat(schedule.accepts(12345, T0)).isFalse();
    }

    @Test
    void announcedSaltsAreExactlyTheOnesThatTakeOverLater() {
        List<FutureSalt> announced = schedule.announce(5, T0 + 10);
        assertThat(announced).hasSize(5);
        assertThat(announced.get(0).salt()).isEqualTo(1);
        for (int i = 0; i < announced.size(); i++) {
            FutureSalt s = announced.get(i);
            assertThat(s.validSince()).isEqualTo((int) (T0 + (long) i * HOUR));
            assertThat(s.validUntil()).isEqualTo(s.validSince() + HOUR + ServerSaltSchedule.OVERLAP_SECONDS);
            assertThat(schedule.current(s.validSince() + 1)).isEqualTo(s.salt());
            assertThat(schedule.accepts(s.salt(), s.validSince())).isTrue();
        }
        assertThat(schedule.announce(3, T0 + 4L * HOUR).get(0)).as("the chain continues from the current salt")
                .isEqualTo(announced.get(4));
    }

    @Test
    void countsAreClampedAndALongSilenceStartsAFreshSaltOnTheHourGrid() {
        assertThat(schedule.announce(0, T0)).hasSize(1);
        assertThat(schedule.announce(1_000, T0)).hasSize(ServerSaltSchedule.MAX_ANNOUNCED);

        ServerSaltSchedule idle = new ServerSaltSchedule(7, T0, counter::incrementAndGet);
        long later = T0 + 10L * HOUR + 123;
        long salt = idle.current(later);
        assertThat(salt).isNotEqualTo(7);
        assertThat(idle.accepts(7, later)).isFalse();
        assertThat(idle.announce(1, later).get(0).validSince()).isEqualTo((int) (T0 + 10L * HOUR));
    }

    @Test
    void replacingForgetsEveryAnnouncedSalt() {
        List<FutureSalt> announced = schedule.announce(3, T0);
        schedule.replaceAll(T0 + 5);
        for (FutureSalt s : announced) {
            assertThat(schedule.accepts(s.salt(), s.validSince() + 1)).isFalse();
        }
        assertThat(schedule.accepts(schedule.current(T0 + 5), T0 + 5)).isTrue();
    }

    @Test
    void aClockSetBackStillAcceptsTheSaltItNames() {
        long current = schedule.current(T0 - 600);
        assertThat(current).isEqualTo(1);
        assertThat(schedule.accepts(current, T0 - 600)).isTrue();
    }
}
