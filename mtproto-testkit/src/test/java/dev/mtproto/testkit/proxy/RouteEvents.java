package dev.mtproto.testkit.proxy;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.event.ClientEventListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records a client's route events as lines: {@code "started ROUTE"}, {@code "won ROUTE"}, {@code "failed ROUTE"}, {@code "abandoned ROUTE"}. */
public final class RouteEvents implements ClientEventListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    /** The address of each started route, in order. */
    public final List<String> addresses = new CopyOnWriteArrayList<>();
    /** The address of each route that won, in order. */
    public final List<String> wonAddresses = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public void routeStarted(ConnectionId connection, String route, String address) {
        lines.add("started " + route);
        addresses.add(address);
    }

    @Override
    public void routeWon(ConnectionId connection, String route, String address, Duration elapsed) {
        lines.add("won " + route);
        wonAddresses.add(address);
    }

    @Override
    public void routeFailed(ConnectionId connection, String route, String address, Throwable error) {
        lines.add("failed " + route);
        errors.add(error);
    }

    @Override
    public void routeAbandoned(ConnectionId connection, String route, String address) {
        lines.add("abandoned " + route);
    }

    /** @return the lines from the n-th "started" line on (0-based) */
    List<String> fromStart(int n) {
        int seen = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("started ") && ++seen == n) {
                return lines.subList(i, lines.size());
            }
        }
        return List.of();
    }
}
