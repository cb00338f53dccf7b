package dev.mtproto.keyexchange;

import java.time.Clock;
import java.util.Objects;

/**
 * {@code msg_id}s from a clock, as the description page prescribes: the upper 32 bits are the Unix time
 * in seconds, the lower 32 bits the fraction of the second (in units of 2^-32 s), the two lowest bits set
 * to the sender's remainder ({@link MessageOrigin}). Ids are strictly increasing even when the clock
 * stands still or steps back: such an id is the previous one plus 4.
 *
 * <p>Thread-safe.
 */
public final class ClockMessageIdSource implements MessageIdSource {
    private final Clock clock;
    private final MessageOrigin origin;
    private long last;
    private boolean issued;

    /**
     * Creates a source.
     *
     * @param clock the time to derive ids from (for a client, ideally already corrected by the server's
     *     time offset)
     * @param origin who sends the messages: {@link MessageOrigin#CLIENT} (ids divisible by 4) or
     *     {@link MessageOrigin#SERVER} (ids congruent to 1 mod 4)
     */
    public ClockMessageIdSource(Clock clock, MessageOrigin origin) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * Returns the next id.
     *
     * @return an id with the origin's parity, larger than every id returned before
     */
    @Override
    public synchronized long nextMessageId() {
        long millis = clock.millis();
        long seconds = Math.floorDiv(millis, 1000L);
        long fraction = (Math.floorMod(millis, 1000L) << 32) / 1000L;
        long id = origin.withParity((seconds << 32) | fraction);
        if (issued && Long.compareUnsigned(id, last) <= 0) {
            id = last + 4;
        }
        last = id;
        issued = true;
        return id;
    }

    @Override
    public String toString() {
        return "ClockMessageIdSource[" + origin + "]";
    }
}
