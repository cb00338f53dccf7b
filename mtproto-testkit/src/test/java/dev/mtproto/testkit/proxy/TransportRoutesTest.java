package dev.mtproto.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtproto.client.ConnectFailedException;
import dev.mtproto.client.ConnectTimeoutException;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.NoRouteException;
import dev.mtproto.client.RouteFailure;
import dev.mtproto.client.net.RouteSelection;
import dev.mtproto.client.net.TransportRoute;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyRefusedException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.transport.TransportKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several routes to the test DC, over real sockets: in order, raced, remembered per DC, and all failing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportRoutesTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static final TransportRoute DIRECT = TransportRoute.direct(TransportKind.INTERMEDIATE, true);

    /** @return a SOCKS5 route to a port nothing listens on */
    private static TransportRoute closedPortRoute(String name) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return TransportRoute.of(ProxyConfig.socks5("127.0.0.1", port).dialer(), TransportKind.PADDED_INTERMEDIATE, true).named(name);
    }

    private static NearestDc call(MtprotoClient client) throws Exception {
        client.connect().get(20, TimeUnit.SECONDS);
        return (NearestDc) client.invoke(GetNearestDc.INSTANCE).get(20, TimeUnit.SECONDS);
    }

    @Test
    void anUnreachableFirstRouteGivesWayToTheSecondInTheSameAttempt() throws Exception {
        RouteEvents events = new RouteEvents();
        try (Socks5Proxy proxy = Socks5Proxy.open();
             MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig()
                     .routes(List.of(closedPortRoute("dead socks"), TransportRoute.of(proxy.config().dialer(), TransportKind.ABRIDGED, true)))
                     .addEventListener(events).build())) {
            assertThat(call(client).thisDc()).isEqualTo(1);
            String second = "SOCKS5 proxy 127.0.0.1:" + proxy.port() + " abridged+obfuscated";
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events.lines.contains("won " + second));
            assertThat(events.lines).startsWith("started dead socks", "failed dead socks", "started " + second, "won " + second);
            assertThat(proxy.tunnels()).as("the connection went through the second route").isPositive();
        }
    }

    @Test
    void aSlowFirstRouteLosesTheRaceAfterTheStaggerAndItsSocketIsClosed() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept(); // takes the TCP connection, never answers the SOCKS5 greeting
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            TransportRoute slow = TransportRoute.of(ProxyConfig.socks5("127.0.0.1", silent.getLocalPort()).dialer(),
                    TransportKind.INTERMEDIATE, true).named("silent socks");
            RouteEvents events = new RouteEvents();
            long started = System.nanoTime();
            try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().connectTimeout(Duration.ofSeconds(10))
                    .routes(List.of(slow, DIRECT)).routeSelection(RouteSelection.race(Duration.ofMillis(200)))
                    .addEventListener(events).build())) {
                assertThat(call(client).thisDc()).isEqualTo(1);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("won by the second route, not after the first's 10 s").isLessThan(Duration.ofSeconds(5));
                try (Socket loser = accepted.get(5, TimeUnit.SECONDS)) {
                    loser.setSoTimeout(5000);
                    InputStream in = loser.getInputStream();
                    byte[] greeting = new byte[3];
                    assertThat(in.readNBytes(greeting, 0, 3)).as("the SOCKS5 greeting arrived").isEqualTo(3);
                    assertThat(in.read()).as("the loser's socket was closed (EOF), well before its timeout").isEqualTo(-1);
                }
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events.lines.contains("abandoned silent socks"));
                assertThat(events.lines).startsWith("started silent socks", "started " + DIRECT.name(), "won " + DIRECT.name());
            }
        }
    }

    @Test
    void theNextConnectionToTheDcStartsWithTheRouteThatWorked() throws Exception {
        RouteEvents events = new RouteEvents();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig()
                .routes(List.of(closedPortRoute("dead socks"), DIRECT)).addEventListener(events).build())) {
            call(client);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events.lines.contains("won " + DIRECT.name()));
            int attemptsBefore = (int) events.lines.stream().filter(l -> l.startsWith("started ")).count();
            TELEGRAM.cluster().dc(1).dropAllConnections();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.fromStart(attemptsBefore).contains("won " + DIRECT.name()));
            assertThat(events.fromStart(attemptsBefore)).as("the reconnect tried the remembered route first, and only it")
                    .startsWith("started " + DIRECT.name(), "won " + DIRECT.name()).doesNotContain("started dead socks");
            assertThat(call(client).thisDc()).isEqualTo(1);
        }
    }

    @Test
    void whenEveryRouteFailsTheErrorListsEachRoutesFailure() throws Exception {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().connectTimeout(Duration.ofSeconds(2))
                .routes(List.of(closedPortRoute("first dead"), closedPortRoute("second dead"))).build())) {
            Throwable failure = assertThrows(ExecutionException.class, () -> client.connect().get(20, TimeUnit.SECONDS)).getCause();
            assertThat(failure).isInstanceOf(ConnectTimeoutException.class);
            assertThat(failure.getCause()).isInstanceOfSatisfying(NoRouteException.class, e -> {
                assertThat(e.failures()).extracting(RouteFailure::route).containsExactly("first dead", "second dead");
                assertThat(e.permanent()).isFalse();
            }).hasMessageContaining("first dead").hasMessageContaining("second dead").hasMessageContaining("PROXY_UNREACHABLE");
        }
    }

    @Test
    void whenEveryRouteIsRefusedForGoodConnectFailsAtOnceNamingEach() throws Exception {
        try (Socks5Proxy proxy = Socks5Proxy.open("alice", "s3cret")) {
            TransportRoute wrong = TransportRoute.of(ProxyConfig.socks5(proxy.host(), proxy.port(), "alice", "wrong-pw").dialer(),
                    TransportKind.INTERMEDIATE, true).named("wrong password");
            TransportRoute none = TransportRoute.of(ProxyConfig.socks5(proxy.host(), proxy.port()).dialer(),
                    TransportKind.INTERMEDIATE, true).named("no password");
            try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig()
                    .routes(List.of(wrong, none)).routeSelection(RouteSelection.race()).build())) {
                Throwable failure = assertThrows(ExecutionException.class, () -> client.connect().get(20, TimeUnit.SECONDS)).getCause();
                assertThat(failure).isInstanceOf(ConnectFailedException.class).hasMessageNotContaining("wrong-pw")
                        .hasMessageNotContaining("s3cret");
                assertThat(failure.getCause()).isInstanceOfSatisfying(NoRouteException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.failures()).extracting(RouteFailure::route).containsExactlyInAnyOrder("wrong password", "no password");
                    assertThat(e.failures()).allSatisfy(f -> assertThat(f.error()).isInstanceOf(ProxyRefusedException.class));
                });
            }
        }
    }
}
