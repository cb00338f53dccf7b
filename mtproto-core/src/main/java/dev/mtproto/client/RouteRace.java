package dev.mtproto.client;

import dev.mtproto.client.net.DialedConnection;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A staggered race of candidates (after Happy Eyeballs, RFC 8305): the first starts at once, each next one
 * after the stagger, or at once when every started one has failed; the first to connect wins. Each candidate
 * dials on a daemon thread of its own (so a race never waits for a pool another race holds). When the race is
 * over, the candidates still dialing are interrupted (which closes a blocked socket channel), and any of them
 * that still connects is closed at once: no loser's socket stays open.
 */
final class RouteRace {
    private record Outcome(int index, DialedConnection connection, Throwable error, long startedNanos) {
    }

    private final RouteDialing dialing;
    private final List<RouteCandidate> plan;
    private final long staggerNanos;
    private final Duration timeout;
    private final Object lock = new Object();
    private final ArrayDeque<Outcome> outcomes = new ArrayDeque<>();
    private final Thread[] threads;
    private final boolean[] finished;
    private boolean over;

    RouteRace(RouteDialing dialing, List<RouteCandidate> plan, Duration stagger, Duration timeout) {
        this.dialing = dialing;
        this.plan = plan;
        this.staggerNanos = stagger.toNanos();
        this.timeout = timeout;
        this.threads = new Thread[plan.size()];
        this.finished = new boolean[plan.size()];
    }

    /**
     * Runs the race, blocking until a candidate wins, all fail or the timeout passes.
     *
     * @param failures where each failed candidate's failure goes
     * @return the winner, or null if none connected
     */
    RouteDialing.Dialed run(List<RouteFailure> failures) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = 0;
        int running = 0;
        long nextStart = System.nanoTime();
        synchronized (lock) {
            try {
                while (true) {
                    long now = System.nanoTime();
                    if (next < plan.size() && (now - nextStart >= 0 || running == 0)) {
                        launch(next++, deadline);
                        running++;
                        nextStart = now + staggerNanos;
                        continue;
                    }
                    Outcome o = outcomes.poll();
                    if (o != null) {
                        running--;
                        finished[o.index()] = true;
                        if (o.connection() != null) {
                            return dialing.won(plan.get(o.index()), o.connection(), o.startedNanos());
                        }
                        dialing.failed(plan.get(o.index()), o.error(), failures);
                        continue;
                    }
                    if ((running == 0 && next == plan.size()) || now - deadline >= 0) {
                        timedOut(next, failures);
                        return null;
                    }
                    long until = next < plan.size() && nextStart - deadline < 0 ? nextStart : deadline;
                    TimeUnit.NANOSECONDS.timedWait(lock, Math.max(1, until - now));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                timedOut(next, failures);
                return null;
            } finally {
                finish();
            }
        }
    }

    /** Records the started candidates still dialing as failed for lack of time, and those never started as not tried. */
    private void timedOut(int started, List<RouteFailure> failures) {
        for (int i = 0; i < plan.size(); i++) {
            if (i < started && !finished[i]) {
                dialing.failed(plan.get(i), new SocketTimeoutException("no connection within " + timeout.toMillis() + " ms"), failures);
            } else if (i >= started) {
                dialing.failed(plan.get(i), new SocketTimeoutException("not started: the race ended first"), failures);
            }
        }
    }

    /** Under the lock: ends the race, closes connections that arrived too late, interrupts the dials still running. */
    private void finish() {
        over = true;
        for (Outcome late : outcomes) {
            finished[late.index()] = true;
            if (late.connection() != null) {
                late.connection().closeQuietly();
            }
            dialing.abandoned(plan.get(late.index()));
        }
        outcomes.clear();
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] != null && !finished[i]) {
                threads[i].interrupt();
            }
        }
    }

    private void launch(int index, long deadline) {
        RouteCandidate c = plan.get(index);
        long started = dialing.started(c);
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - started));
        Thread t = new Thread(() -> dialOne(index, c, left, started), "mtproto-route-" + dialing.id().dcId() + "-" + index);
        t.setDaemon(true);
        threads[index] = t;
        t.start();
    }

    private void dialOne(int index, RouteCandidate c, Duration left, long started) {
        DialedConnection connection = null;
        Throwable error = null;
        try {
            connection = c.route().dialer().dial(c.endpoint(), left);
        } catch (Throwable e) { // any failure of one candidate is that candidate's outcome, not the race's
            error = e;
        }
        synchronized (lock) {
            if (!over) {
                outcomes.add(new Outcome(index, connection, error, started));
                lock.notifyAll();
                return;
            }
        }
        if (connection != null) {
            connection.closeQuietly();
        }
        dialing.abandoned(c);
    }
}
