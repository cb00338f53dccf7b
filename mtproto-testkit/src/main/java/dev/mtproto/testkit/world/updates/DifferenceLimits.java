package dev.mtproto.testkit.world.updates;

/**
 * How the world cuts differences, as a test sets it: how many events an {@code updates.getDifference}
 * answer holds before it becomes a {@code differenceSlice}; past which gap it is {@code differenceTooLong};
 * past which gap a channel's difference is {@code channelDifferenceTooLong}; and the {@code timeout} of
 * channel differences. Thread-safe.
 */
public final class DifferenceLimits {
    /** Events in one {@code updates.difference} before it is sliced, by default. */
    public static final int DEFAULT_SLICE = 100;
    /** A common-box gap past which the difference is too long, by default (the page's 1,000,000). */
    public static final int DEFAULT_TOO_LONG = 1_000_000;
    /** A channel gap past which the channel difference is too long, by default (the page's 100,000). */
    public static final int DEFAULT_CHANNEL_TOO_LONG = 100_000;
    /** The {@code timeout} of channel differences, in seconds, by default. */
    public static final int DEFAULT_CHANNEL_TIMEOUT = 30;

    private volatile int slice = DEFAULT_SLICE;
    private volatile int tooLong = DEFAULT_TOO_LONG;
    private volatile int channelTooLong = DEFAULT_CHANNEL_TOO_LONG;
    private volatile int channelTimeout = DEFAULT_CHANNEL_TIMEOUT;

    /**
     * @param events how many events an {@code updates.difference} holds at most; more make a
     *     {@code differenceSlice} of that many (default {@value #DEFAULT_SLICE})
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public DifferenceLimits slice(int events) {
        this.slice = positive(events);
        return this;
    }

    /**
     * @param gap a gap (remote pts minus the client's) past which {@code updates.getDifference} answers
     *     {@code differenceTooLong} (default {@value #DEFAULT_TOO_LONG}); a client's {@code pts_total_limit}
     *     may make it smaller
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public DifferenceLimits tooLong(int gap) {
        this.tooLong = positive(gap);
        return this;
    }

    /**
     * @param gap a gap past which {@code updates.getChannelDifference} answers {@code channelDifferenceTooLong}
     *     (default {@value #DEFAULT_CHANNEL_TOO_LONG}); for people a gap over the call's {@code limit} is too
     *     long too
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public DifferenceLimits channelTooLong(int gap) {
        this.channelTooLong = positive(gap);
        return this;
    }

    /**
     * @param seconds the {@code timeout} channel differences carry (default {@value #DEFAULT_CHANNEL_TIMEOUT})
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public DifferenceLimits channelTimeout(int seconds) {
        this.channelTimeout = positive(seconds);
        return this;
    }

    /** Puts every limit back to its default. */
    public void reset() {
        slice = DEFAULT_SLICE;
        tooLong = DEFAULT_TOO_LONG;
        channelTooLong = DEFAULT_CHANNEL_TOO_LONG;
        channelTimeout = DEFAULT_CHANNEL_TIMEOUT;
    }

    int slice() {
        return slice;
    }

    int tooLong() {
        return tooLong;
    }

    int channelTooLong() {
        return channelTooLong;
    }

    int channelTimeout() {
        return channelTimeout;
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("a limit must be positive: " + n);
        }
        return n;
    }
}
