package dev.mtproto.client;

import java.util.Objects;

/**
 * How one route failed to reach a DC, within a {@link NoRouteException}.
 *
 * @param route the route's name
 * @param address the DC address it tried ({@code host:port})
 * @param error why it failed
 */
public record RouteFailure(String route, String address, Throwable error) {
    /** @throws NullPointerException if an argument is null */
    public RouteFailure {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(error, "error");
    }

    @Override
    public String toString() {
        return route + " to " + address + ": " + error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
