package dev.mtproto.client;

import dev.mtproto.client.net.DcEndpoint;
import dev.mtproto.client.net.TransportRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One thing a connection attempt may try: a route to one of the DC's addresses.
 *
 * @param route the route
 * @param address the DC address
 */
record RouteCandidate(TransportRoute route, DcAddress address) {

    /** @return the address as the dialer sees it */
    DcEndpoint endpoint() {
        return new DcEndpoint(address.id(), address.host(), address.port(), address.has(DcAddress.Flag.MEDIA_ONLY));
    }

    /** @return {@code host:port} */
    String where() {
        return endpoint().hostAndPort();
    }

    /**
     * The candidates of one attempt, in the order to try them: the remembered route first, then the others as
     * configured; for each route the addresses this attempt uses (one, rotating with the attempt number, or with
     * {@link IpFamily#BOTH} the next IPv6 one and then the next IPv4 one).
     *
     * @param routes the configured routes, in order
     * @param remembered the name of the route that last worked for this DC and role
     * @param addresses the DC's usable addresses, best first
     * @param family the IP family policy
     * @param attempt how many attempts failed in a row before this one
     * @return the plan; empty when there is no address
     */
    static List<RouteCandidate> plan(List<TransportRoute> routes, Optional<String> remembered, List<DcAddress> addresses,
                                     IpFamily family, int attempt) {
        List<DcAddress> picked = new ArrayList<>();
        if (family == IpFamily.BOTH) {
            pick(addresses.stream().filter(a -> a.has(DcAddress.Flag.IPV6)).toList(), attempt, picked);
            pick(addresses.stream().filter(a -> !a.has(DcAddress.Flag.IPV6)).toList(), attempt, picked);
        } else {
            pick(addresses, attempt, picked);
        }
        List<TransportRoute> ordered = new ArrayList<>(routes);
        remembered.flatMap(name -> routes.stream().filter(r -> r.name().equals(name)).findFirst()).ifPresent(first -> {
            ordered.remove(first);
            ordered.add(0, first);
        });
        List<RouteCandidate> plan = new ArrayList<>();
        for (TransportRoute route : ordered) {
            for (DcAddress address : picked) {
                plan.add(new RouteCandidate(route, address));
            }
        }
        return List.copyOf(plan);
    }

    private static void pick(List<DcAddress> from, int attempt, List<DcAddress> into) {
        if (!from.isEmpty()) {
            into.add(from.get(Math.floorMod(attempt, from.size())));
        }
    }
}
