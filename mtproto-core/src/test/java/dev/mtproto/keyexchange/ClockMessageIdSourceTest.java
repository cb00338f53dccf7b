package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClockMessageIdSourceTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void secondsInTheHighHalfAndTheFractionInTheLowHalf() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_783_001_185_500L), ZoneOffset.UTC);
        long id = new ClockMessageIdSource(clock, MessageOrigin.CLIENT).nextMessageId();
        assertThat(id >>> 32).isEqualTo(1_783_001_185L);
        assertThat(id & 0xFFFF_FFFFL).isEqualTo(0x8000_0000L);

        long serverId = new ClockMessageIdSource(clock, MessageOrigin.SERVER).nextMessageId();
        assertThat(serverId).isEqualTo(id | 1);
    }

    @Test
    void strictlyIncreasingWithTheRightParityWhenTheClockStandsStillOrStepsBack() {
        ManualClock clock = new ManualClock();
        clock.millis.set(1_700_000_000_123L);
        for (MessageOrigin origin : MessageOrigin.values()) {
            ClockMessageIdSource source = new ClockMessageIdSource(clock, origin);
            long last = source.nextMessageId();
            for (int i = 0; i < 100; i++) {
                if (i == 50) {
                    clock.millis.addAndGet(-10_000);
                }
                long next = source.nextMessageId();
                assertThat(origin.isValidMessageId(next)).isTrue();
                assertThat(next).isGreaterThan(last);
                last = next;
            }
            clock.millis.addAndGet(60_000);
            long later = source.nextMessageId();
            assertThat(later >>> 32).isEqualTo(clock.millis.get() / 1000);
            assertThat(later).isGreaterThan(last);
        }
    }
}
