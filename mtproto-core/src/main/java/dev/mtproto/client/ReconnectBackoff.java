package dev.mtproto.client;

import dev.mtproto.transport.TransportErrorException;
import java.time.Duration;

/**
 * How long a connection waits before its next attempt: the configured {@link ReconnectPolicy} over the
 * number of attempts that failed in a row. A connection that worked (the DC answered it with an
 * authenticated message) starts the count again, so a client that lost a good connection reconnects at
 * once instead of at the longest delay. A {@code -429} (too many connections) counts four attempts more.
 * Not thread-safe: the owning connection guards it.
 */
final class ReconnectBackoff {
    private static final int FLOOD_PENALTY = 4;
    private static final int TRANSPORT_FLOOD = -429;

    private final ReconnectPolicy policy;
    private int failures;

    ReconnectBackoff(ReconnectPolicy policy) {
        this.policy = policy;
    }

    /** The last connection worked: the next failure waits as the first one did. */
    void succeeded() {
        failures = 0;
    }

    /** @return how many attempts failed in a row */
    int failures() {
        return failures;
    }

    /**
     * Counts a failure and says how long to wait.
     *
     * @param cause what ended the attempt
     * @return the delay before the next attempt
     */
    Duration failed(Throwable cause) {
        int penalty = cause instanceof TransportErrorException t && t.code() == TRANSPORT_FLOOD ? FLOOD_PENALTY : 0;
        Duration delay = policy.delay(failures + penalty);
        failures++;
        return delay;
    }
}
