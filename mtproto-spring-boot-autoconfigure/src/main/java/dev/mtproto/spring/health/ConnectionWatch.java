package dev.mtproto.spring.health;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.event.ClientEventListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers since when each connection of one client has been without a link, from its state changes, so the
 * health indicator can tell a short reconnect from an outage.
 */
public final class ConnectionWatch implements ClientEventListener {
    private static final Instant UP = Instant.MIN;

    private final Clock clock;
    private final Map<ConnectionId, Instant> downSince = new ConcurrentHashMap<>();

    /** @param clock for the times recorded */
    public ConnectionWatch(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void stateChanged(ConnectionId connection, ConnectionState state) {
        if (state == ConnectionState.CONNECTED) {
            downSince.put(connection, UP);
        } else {
            markDown(connection);
        }
    }

    /**
     * @param connection a connection
     * @param connectedNow whether it is connected at this moment (the client's own view)
     * @return since when it has been down, or empty if it is up; a connection this watch has not seen go down
     *     counts from this first question
     */
    public Optional<Instant> downSince(ConnectionId connection, boolean connectedNow) {
        if (connectedNow) {
            return Optional.empty();
        }
        return Optional.of(markDown(connection));
    }

    private Instant markDown(ConnectionId connection) {
        return downSince.compute(connection, (c, since) -> since == null || since == UP ? clock.instant() : since);
    }
}
