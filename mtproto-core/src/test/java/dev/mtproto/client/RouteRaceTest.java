package dev.mtproto.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.client.net.Dialer;
import dev.mtproto.client.net.TransportRoute;
import dev.mtproto.transport.TransportKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The race's bookkeeping with dialers that misbehave on purpose (they ignore interrupts): a loser that connects
 * after the race is closed at once, and a race where nobody connects ends at its timeout naming each route.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RouteRaceTest {
    private final ServerSocketChannel server;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch abandoned = new CountDownLatch(1);
    private final RouteDialing dialing;

    RouteRaceTest() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ClientEventListener recorder = new ClientEventListener() {
            @Override
            public void routeWon(ConnectionId connection, String route, String address, Duration elapsed) {
                events.add("won " + route);
            }

            @Override
            public void routeFailed(ConnectionId connection, String route, String address, Throwable error) {
                events.add("failed " + route + ": " + error.getMessage());
            }

            @Override
            public void routeAbandoned(ConnectionId connection, String route, String address) {
                events.add("abandoned " + route);
                abandoned.countDown();
            }
        };
        dialing = new RouteDialing(new ConnectionId(2, DcRole.MAIN), new ClientEvents(Runnable::run, List.of(recorder)), new RouteMemory());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private static RouteCandidate candidate(String name, Dialer dialer) {
        return new RouteCandidate(new TransportRoute(name, dialer, TransportKind.INTERMEDIATE, true), new DcAddress(2, "127.0.0.1", 443));
    }

    private DialedConnection connect(String route) throws IOException {
        return DialedConnection.plain(SocketChannel.open(server.getLocalAddress()), route);
    }

    /** Waits, swallowing interrupts: a dialer that goes on after the race told it to stop. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // ignored on purpose
            }
        }
    }

    @Test
    void aLoserThatConnectsAfterTheRaceIsClosedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<SocketChannel> late = new CompletableFuture<>();
        Dialer stubborn = (target, timeout) -> {
            awaitIgnoringInterrupts(release);
            DialedConnection c = connect("late");
            late.complete(c.channel());
            return c;
        };
        List<RouteFailure> failures = new ArrayList<>();
        RouteDialing.Dialed won = new RouteRace(dialing, List.of(candidate("stubborn", stubborn),
                candidate("quick", (target, timeout) -> connect("quick"))), Duration.ofMillis(50), Duration.ofSeconds(5)).run(failures);
        assertThat(won.candidate().route().name()).isEqualTo("quick");
        assertThat(won.connection().channel().isOpen()).isTrue();
        release.countDown();
        SocketChannel loser = late.get(5, TimeUnit.SECONDS);
        assertThat(abandoned.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(loser.isOpen()).as("the late connection was closed").isFalse();
        assertThat(failures).isEmpty();
        assertThat(events).containsExactly("won quick", "abandoned stubborn");
        won.connection().closeQuietly();
    }

    @Test
    void aRaceNobodyWinsEndsAtItsTimeoutNamingEveryRoute() {
        CountDownLatch never = new CountDownLatch(1);
        Dialer hanging = (target, timeout) -> {
            awaitIgnoringInterrupts(never);
            throw new IOException("released");
        };
        List<RouteFailure> failures = new ArrayList<>();
        long started = System.nanoTime();
        RouteDialing.Dialed won = new RouteRace(dialing, List.of(candidate("a", hanging), candidate("b", hanging),
                candidate("c", hanging)), Duration.ofMillis(200), Duration.ofMillis(300)).run(failures);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        never.countDown();
        assertThat(won).isNull();
        assertThat(took).isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
        assertThat(failures).extracting(RouteFailure::route).containsExactly("a", "b", "c");
        assertThat(failures.get(0).error()).hasMessageContaining("no connection within 300 ms");
        assertThat(failures.get(2).error()).hasMessageContaining("not started");
    }
}
