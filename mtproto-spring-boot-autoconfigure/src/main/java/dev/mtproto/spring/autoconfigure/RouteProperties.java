package dev.mtproto.spring.autoconfigure;

import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.client.IpFamily;
import dev.mtproto.client.net.RouteSelection;
import dev.mtproto.client.net.TransportRoute;
import dev.mtproto.client.proxy.ProxyConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code mtproto.transport.routes}, {@code selection}, {@code stagger} and {@code mtproto.dc.ip-family} into
 * the client's routes, route selection and IP family, checking them.
 */
final class RouteProperties {
    private RouteProperties() {
    }

    /**
     * @param dc the DC properties (IP family)
     * @param transport the transport properties (framing, routes, selection)
     * @param proxy the proxy of {@code mtproto.proxy}, if set
     * @param b the builder to configure
     * @throws InvalidMtprotoPropertyException for a route listed twice, "proxy" listed without a proxy, a stagger
     *     out of range, or an IP family that contradicts {@code mtproto.dc.ipv6}
     */
    static void apply(MtprotoProperties.Dc dc, MtprotoProperties.Transport transport, Optional<ProxyConfig> proxy,
                      ClientConfigBuilder b) {
        ipFamily(dc, b);
        List<MtprotoProperties.RouteKind> order = transport.routes();
        if (order == null || order.isEmpty()) {
            proxy.ifPresent(p -> b.dialer(p.dialer()));
        } else {
            b.routes(routes(order, transport, proxy));
        }
        try {
            RouteSelection race = RouteSelection.race(transport.stagger());
            b.routeSelection(transport.selection() == MtprotoProperties.RouteSelectionMode.RACE ? race : RouteSelection.sequential());
        } catch (IllegalArgumentException e) {
            throw new InvalidMtprotoPropertyException("mtproto.transport.stagger", e.getMessage(),
                    "give a duration from 0 to 60s, such as 250ms", e);
        }
    }

    private static void ipFamily(MtprotoProperties.Dc dc, ClientConfigBuilder b) {
        IpFamily family = dc.ipFamily();
        if (family == null) {
            b.ipv6(dc.ipv6());
            return;
        }
        if (dc.ipv6() && family == IpFamily.IPV4_ONLY) {
            throw new InvalidMtprotoPropertyException("mtproto.dc.ip-family", "is ipv4-only, but mtproto.dc.ipv6 is true",
                    "remove mtproto.dc.ipv6, or choose prefer-ipv4, prefer-ipv6 or both");
        }
        b.ipFamily(family);
    }

    private static List<TransportRoute> routes(List<MtprotoProperties.RouteKind> order, MtprotoProperties.Transport t,
                                               Optional<ProxyConfig> proxy) {
        Set<MtprotoProperties.RouteKind> seen = EnumSet.noneOf(MtprotoProperties.RouteKind.class);
        List<TransportRoute> routes = new ArrayList<>();
        for (MtprotoProperties.RouteKind kind : order) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(kind)) {
                throw new InvalidMtprotoPropertyException("mtproto.transport.routes", "lists " + name + " twice",
                        "list each of direct and proxy at most once, in the order to try them");
            }
            if (kind == MtprotoProperties.RouteKind.PROXY && proxy.isEmpty()) {
                throw new InvalidMtprotoPropertyException("mtproto.transport.routes", "lists proxy, but no proxy is configured",
                        "set mtproto.proxy.type, host and port (or mtproto.proxy.link), or remove proxy from the list");
            }
            routes.add(kind == MtprotoProperties.RouteKind.DIRECT
                    ? TransportRoute.direct(t.kind(), t.obfuscated())
                    : TransportRoute.of(proxy.orElseThrow().dialer(), t.kind(), t.obfuscated()));
        }
        return routes;
    }
}
