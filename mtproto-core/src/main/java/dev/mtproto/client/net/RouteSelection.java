package dev.mtproto.client.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client uses its {@link TransportRoute}s when it opens a connection. Either way the route that last
 * worked for the DC (and connection role) goes first, and the others follow in the order configured.
 */
public sealed interface RouteSelection {
    /** Happy Eyeballs' recommended delay between attempts (RFC 8305, section 5): 250 ms. */
    Duration DEFAULT_STAGGER = Duration.ofMillis(250);

    /** @return {@link Sequential} */
    static RouteSelection sequential() {
        return Sequential.INSTANCE;
    }

    /** @return {@link Race} with the {@link #DEFAULT_STAGGER} */
    static RouteSelection race() {
        return new Race(DEFAULT_STAGGER);
    }

    /**
     * @param stagger how long to give each route before starting the next
     * @return {@link Race} with that stagger
     * @throws IllegalArgumentException if the stagger is negative or over a minute
     */
    static RouteSelection race(Duration stagger) {
        return new Race(stagger);
    }

    /**
     * One route at a time: the next starts when one fails, or when its share of the connect timeout (what is
     * left of it divided among the routes not tried yet) runs out.
     */
    final class Sequential implements RouteSelection {
        static final Sequential INSTANCE = new Sequential();

        private Sequential() {
        }

        @Override
        public String toString() {
            return "sequential";
        }
    }

    /**
     * Routes race, staggered, after the idea of Happy Eyeballs (RFC 8305): the first route starts at once, each
     * further one {@code stagger} after the one before if none has connected yet, or at once when all started
     * ones have failed. The first to open its connection (TCP and any proxy handshake) wins; the others are
     * interrupted and closed, and one that connects later anyway is closed at once. The whole race must finish
     * within the connect timeout.
     *
     * @param stagger the delay between starts (zero starts all at once)
     */
    record Race(Duration stagger) implements RouteSelection {
        /** @throws IllegalArgumentException if the stagger is negative or over a minute */
        public Race {
            Objects.requireNonNull(stagger, "stagger");
            if (stagger.isNegative() || stagger.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("the race stagger must be 0 to 60 s, got " + stagger.toMillis() + " ms");
            }
        }

        @Override
        public String toString() {
            return "race (stagger " + stagger.toMillis() + " ms)";
        }
    }
}
