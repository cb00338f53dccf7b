package dev.mtproto.client;

import java.io.IOException;
import java.util.List;

/**
 * Every route of a connection attempt failed (with more than one route or address to try; a single route's
 * failure is reported as it is). The message lists each route, the address it tried and why it failed.
 * When every failure is one retrying cannot fix ({@link #permanent()}), {@code connect()} fails at once
 * with this as the cause; otherwise the client retries with backoff, and {@code connect()} fails at its
 * timeout with a {@link ConnectTimeoutException} whose cause is the last of these.
 */
public final class NoRouteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<RouteFailure> failures;
    private final boolean permanent;

    NoRouteException(ConnectionId connection, List<RouteFailure> failures) {
        super("no route reached " + connection + ": " + String.join("; ", failures.stream().map(RouteFailure::toString).toList()));
        this.failures = List.copyOf(failures);
        this.permanent = !failures.isEmpty() && failures.stream().allMatch(f -> ConnectFailures.isPermanent(f.error()));
        failures.forEach(f -> addSuppressed(f.error()));
    }

    /** @return each route's failure, in the order they were tried */
    public List<RouteFailure> failures() {
        return failures;
    }

    /** @return whether every route failed for a reason retrying cannot fix (a proxy refused our credentials...) */
    public boolean permanent() {
        return permanent;
    }
}
