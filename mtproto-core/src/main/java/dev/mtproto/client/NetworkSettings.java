package dev.mtproto.client;

import dev.mtproto.client.net.Dialer;
import dev.mtproto.client.net.RouteSelection;
import dev.mtproto.client.net.TransportRoute;
import dev.mtproto.transport.TransportKind;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a client reaches its DCs and keeps its connections: the part of a {@link ClientConfig} that
 * {@link ClientConfigBuilder}'s network setters fill in, through a {@link Draft}.
 *
 * @param transport the framing of the route made from a single dialer
 * @param obfuscated whether that route is wrapped in obfuscated2
 * @param ipFamily which DC addresses are used, and which go first
 * @param routes the ways to reach a DC, in the order configured; at least one
 * @param routeSelection whether routes are tried one after the other or raced
 * @param connectTimeout how long opening a connection may take
 * @param pingInterval how often each connection pings
 * @param idleConnectionTimeout how long a connection other than the home DC's main one may stay unused
 * @param reconnectPolicy the reconnect backoff
 * @param quickAcksAsked whether quick acks were asked for ({@link #quickAcks()} says whether they are used)
 */
record NetworkSettings(TransportKind transport, boolean obfuscated, IpFamily ipFamily, List<TransportRoute> routes,
                       RouteSelection routeSelection, Duration connectTimeout, Duration pingInterval,
                       Duration idleConnectionTimeout, ReconnectPolicy reconnectPolicy, boolean quickAcksAsked) {

    /** @return whether packets carrying calls ask for a quick ack: if asked for, and never on the full transport */
    boolean quickAcks() {
        return quickAcksAsked && transport != TransportKind.FULL;
    }

    /**
     * The network settings being configured, with their defaults; each setter checks its argument and throws
     * at once with a message naming the option. Not thread-safe.
     */
    static final class Draft {
        private TransportKind transport = TransportKind.INTERMEDIATE;
        private boolean obfuscated = true;
        private IpFamily ipFamily = IpFamily.IPV4_ONLY;
        private Dialer dialer = Dialer.direct();
        private List<TransportRoute> routes;
        private RouteSelection routeSelection = RouteSelection.sequential();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(60);
        private Duration idleConnectionTimeout = Duration.ofMinutes(2);
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.defaults();
        private boolean quickAcks;

        /** @see ClientConfigBuilder#transport(TransportKind, boolean) */
        void transport(TransportKind kind, boolean obfuscate) {
            this.transport = Objects.requireNonNull(kind, "transport");
            if (obfuscate && !kind.supportsObfuscation()) {
                throw new IllegalArgumentException(kind + " cannot be obfuscated");
            }
            this.obfuscated = obfuscate;
        }

        /** @see ClientConfigBuilder#ipFamily(IpFamily) */
        void ipFamily(IpFamily value) {
            this.ipFamily = Objects.requireNonNull(value, "ipFamily");
        }

        /** @see ClientConfigBuilder#dialer(Dialer) */
        void dialer(Dialer value) {
            this.dialer = Objects.requireNonNull(value, "dialer");
            this.routes = null;
        }

        /** @see ClientConfigBuilder#routes(List) */
        void routes(List<TransportRoute> value) {
            Objects.requireNonNull(value, "routes");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("routes: give at least one route (TransportRoute.direct(...), a proxy's...)");
            }
            Set<String> names = new HashSet<>();
            for (TransportRoute r : value) {
                Objects.requireNonNull(r, "routes: a route is null");
                if (!names.add(r.name())) {
                    throw new IllegalArgumentException("routes: two routes are named \"" + r.name() + "\"; give one another name"
                            + " with TransportRoute.named(...)");
                }
            }
            this.routes = List.copyOf(value);
        }

        /** @see ClientConfigBuilder#routeSelection(RouteSelection) */
        void routeSelection(RouteSelection value) {
            this.routeSelection = Objects.requireNonNull(value, "routeSelection");
        }

        /** @see ClientConfigBuilder#connectTimeout(Duration) */
        void connectTimeout(Duration value) {
            this.connectTimeout = PositiveDuration.require(value, "connectTimeout");
        }

        /** @see ClientConfigBuilder#pingInterval(Duration) */
        void pingInterval(Duration value) {
            this.pingInterval = PositiveDuration.require(value, "pingInterval");
        }

        /** @see ClientConfigBuilder#idleConnectionTimeout(Duration) */
        void idleConnectionTimeout(Duration value) {
            this.idleConnectionTimeout = PositiveDuration.require(value, "idleConnectionTimeout");
        }

        /** @see ClientConfigBuilder#reconnectPolicy(ReconnectPolicy) */
        void reconnectPolicy(ReconnectPolicy value) {
            this.reconnectPolicy = Objects.requireNonNull(value, "reconnectPolicy");
        }

        /** @see ClientConfigBuilder#quickAcks(boolean) */
        void quickAcks(boolean value) {
            this.quickAcks = value;
        }

        /** @return the settings: the routes given, else the single route of the dialer and transport */
        NetworkSettings build() {
            List<TransportRoute> all = routes != null ? routes : List.of(TransportRoute.of(dialer, transport, obfuscated));
            return new NetworkSettings(transport, obfuscated, ipFamily, all, routeSelection, connectTimeout, pingInterval,
                    idleConnectionTimeout, reconnectPolicy, quickAcks);
        }
    }
}
