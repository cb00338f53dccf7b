package dev.mtproto.client;

import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.client.net.RouteSelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one connection over the candidates of an attempt ({@link RouteCandidate#plan}), one after the other or
 * raced ({@link RouteRace}), as the {@link RouteSelection} says; reports each candidate's start and outcome as
 * client events and log lines (route names and addresses only: DEBUG for each, INFO when a route won after
 * another failed; the attempt's overall failure is logged by the supervision), and keeps the {@link RouteMemory} up to date.
 * Runs on a connect thread and blocks up to the timeout.
 */
final class RouteDialing {
    private static final Logger LOG = LoggerFactory.getLogger(RouteDialing.class);

    /** A candidate that connected, and its connection. */
    record Dialed(RouteCandidate candidate, DialedConnection connection) {
    }

    private final ConnectionId id;
    private final ClientEvents events;
    private final RouteMemory memory;
    private volatile boolean fellBack;

    RouteDialing(ConnectionId id, ClientEvents events, RouteMemory memory) {
        this.id = id;
        this.events = events;
        this.memory = memory;
    }

    /**
     * @param plan the candidates, in order (at least one)
     * @param selection one after the other, or raced
     * @param timeout how long opening may take in all
     * @return the connection of the candidate that won
     * @throws IOException a single candidate's own failure, or a {@link NoRouteException} listing every candidate's
     * @throws RuntimeException a single candidate's own failure (a {@link dev.mtproto.client.net.DialException}...)
     */
    Dialed dial(List<RouteCandidate> plan, RouteSelection selection, Duration timeout) throws IOException {
        List<RouteFailure> failures = new ArrayList<>();
        Dialed won;
        if (selection instanceof RouteSelection.Race race && plan.size() > 1) {
            won = new RouteRace(this, plan, race.stagger(), timeout).run(failures);
        } else {
            won = sequential(plan, timeout, failures);
        }
        if (won != null) {
            return won;
        }
        if (plan.size() == 1) {
            Throwable only = failures.get(0).error();
            if (only instanceof IOException io) {
                throw io;
            }
            if (only instanceof RuntimeException rt) {
                throw rt;
            }
            throw new UncheckedIOException(new IOException(only));
        }
        throw new NoRouteException(id, failures);
    }

    private Dialed sequential(List<RouteCandidate> plan, Duration timeout, List<RouteFailure> failures) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < plan.size(); i++) {
            RouteCandidate c = plan.get(i);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                failed(c, new SocketTimeoutException("not tried: the connect timeout of " + timeout.toMillis() + " ms ran out"), failures);
                continue;
            }
            Duration slice = Duration.ofNanos(left / (plan.size() - i));
            long started = started(c);
            try {
                DialedConnection connection = c.route().dialer().dial(c.endpoint(), slice);
                return won(c, connection, started);
            } catch (IOException | RuntimeException e) {
                failed(c, e, failures);
            }
        }
        return null;
    }

    /** @return when it started, in {@link System#nanoTime()} */
    long started(RouteCandidate c) {
        LOG.debug("{}: trying route {} to {}", id, c.route().name(), c.where());
        events.post(l -> l.routeStarted(id, c.route().name(), c.where()));
        return System.nanoTime();
    }

    Dialed won(RouteCandidate c, DialedConnection connection, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        memory.worked(id.dcId(), id.role(), c.route().name());
        if (fellBack) {
            LOG.info("{}: reached over route {} to {} in {} ms, after another route failed", id, c.route().name(), c.where(), took.toMillis());
        } else {
            LOG.debug("{}: route {} to {} connected in {} ms", id, c.route().name(), c.where(), took.toMillis());
        }
        events.post(l -> l.routeWon(id, c.route().name(), c.where(), took));
        return new Dialed(c, connection);
    }

    void failed(RouteCandidate c, Throwable error, List<RouteFailure> failures) {
        memory.failed(id.dcId(), id.role(), c.route().name());
        failures.add(new RouteFailure(c.route().name(), c.where(), error));
        fellBack = true;
        LOG.debug("{}: route {} to {} failed: {}", id, c.route().name(), c.where(), error.getMessage());
        events.post(l -> l.routeFailed(id, c.route().name(), c.where(), error));
    }

    /** A raced candidate lost (or was still running when another won, or the time ran out) and was closed. */
    void abandoned(RouteCandidate c) {
        LOG.debug("{}: route {} to {} lost the race; closed", id, c.route().name(), c.where());
        events.post(l -> l.routeAbandoned(id, c.route().name(), c.where()));
    }

    ConnectionId id() {
        return id;
    }
}
