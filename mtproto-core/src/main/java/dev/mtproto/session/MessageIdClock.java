package dev.mtproto.session;

import java.util.function.LongSupplier;

/**
 * Makes MTProto message ids from server-corrected time: about {@code unixtime * 2^32}, strictly increasing,
 * with the two low bits telling who made the id (client: 0; server: 1 for a response, 3 otherwise).
 *
 * <p>The clock keeps an offset from the local clock to the server's, set from the key exchange's
 * {@code server_time} and corrected from a server msg_id when the server says ours are too low or too high
 * ({@code bad_msg_notification} 16/17). Not thread-safe.
 */
public final class MessageIdClock {
    /** Servers reject msg_ids from more than 300 s ago. */
    public static final long MAX_PAST_SECONDS = 300;
    /** Servers reject msg_ids more than 30 s in the future. */
    public static final long MAX_FUTURE_SECONDS = 30;

    private final LongSupplier localMillis;
    private long offsetMillis;
    private long last;
    private int corrections;

    /**
     * @param localMillis the local clock in milliseconds since the epoch ({@code System::currentTimeMillis})
     * @param offsetMillis the initial server-minus-local offset
     */
    public MessageIdClock(LongSupplier localMillis, long offsetMillis) {
        this.localMillis = localMillis;
        this.offsetMillis = offsetMillis;
    }

    /** @return a clock on {@link System#currentTimeMillis()} with no offset yet */
    public static MessageIdClock system() {
        return new MessageIdClock(System::currentTimeMillis, 0);
    }

    /** @return the server's time now, in milliseconds since the epoch, as far as this clock knows */
    public long serverMillis() {
        return localMillis.getAsLong() + offsetMillis;
    }

    /** @return server-minus-local offset in milliseconds */
    public long offsetMillis() {
        return offsetMillis;
    }

    /**
     * Sets the offset from a server time in seconds (the key exchange's {@code server_time}).
     *
     * @param serverSeconds the server's unix time
     */
    public void syncToServerSeconds(long serverSeconds) {
        offsetMillis = serverSeconds * 1000 - localMillis.getAsLong();
        corrections++;
    }

    /**
     * Sets the offset from a msg_id the server just made; its high 32 bits are the server's unix time and
     * the low 32 the fraction of a second.
     *
     * @param serverMsgId a msg_id of a message the server sent
     */
    public void syncToServerMessageId(long serverMsgId) {
        long seconds = serverMsgId >>> 32;
        long fractionMillis = ((serverMsgId & 0xffffffffL) * 1000) >>> 32;
        offsetMillis = seconds * 1000 + fractionMillis - localMillis.getAsLong();
        corrections++;
    }

    /**
     * @return how many times the offset was set ({@link #syncToServerSeconds}, {@link #syncToServerMessageId});
     *     a message sent under an older count was sent before the latest correction
     */
    public int corrections() {
        return corrections;
    }

    /** @return a new client msg_id (divisible by 4), greater than every id this clock made before */
    public long nextClientId() {
        return next(0);
    }

    /**
     * @param response whether the message answers a client message
     * @return a new server msg_id: {@code ≡ 1 (mod 4)} for responses, {@code ≡ 3} otherwise
     */
    public long nextServerId(boolean response) {
        return next(response ? 1 : 3);
    }

    private long next(int lowBits) {
        long millis = serverMillis();
        long id = ((millis / 1000) << 32) | ((((millis % 1000) << 32) / 1000) & ~3L);
        if (id <= last) {
            id = (last & ~3L) + 4;
        }
        id |= lowBits;
        last = id;
        return id;
    }

    /** @return the last id this clock made, 0 if none */
    public long lastIssued() {
        return last;
    }

    /**
     * Forgets the last id made, so that ids may go back in time after a correction. Only for a new session:
     * within one session ids must keep increasing.
     */
    public void restartSequence() {
        last = 0;
    }

    /**
     * @param msgId a message id
     * @return the unix time, in seconds, it was made at
     */
    public static long secondsOf(long msgId) {
        return msgId >>> 32;
    }

    /**
     * @param msgId a message id received from the peer
     * @return whether it lies within the accepted window around the server time this clock knows
     *     ({@value #MAX_PAST_SECONDS} s back, {@value #MAX_FUTURE_SECONDS} s ahead)
     */
    public boolean isWithinWindow(long msgId) {
        long now = serverMillis() / 1000;
        long at = secondsOf(msgId);
        return at >= now - MAX_PAST_SECONDS && at <= now + MAX_FUTURE_SECONDS;
    }
}
