package dev.mtproto.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ConnectFailedException;
import dev.mtproto.client.ConnectTimeoutException;
import dev.mtproto.client.net.DcEndpoint;
import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.client.net.Dialer;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyFailure;
import dev.mtproto.client.proxy.ProxyRefusedException;
import dev.mtproto.client.proxy.ProxyStep;
import dev.mtproto.client.proxy.ProxyUnavailableException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client through the testkit's SOCKS5 and HTTP CONNECT proxies to the test DC: key exchange, calls, every failure step. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyDialersTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final Duration CONNECT_TIMEOUT = ThroughProxy.CONNECT_TIMEOUT;

    private static NearestDc callThrough(Dialer dialer) throws Exception {
        return ThroughProxy.callThrough(TELEGRAM.cluster(), dialer);
    }

    private static Throwable connectFailure(Dialer dialer) {
        return ThroughProxy.connectFailure(TELEGRAM.cluster(), dialer);
    }

    static Stream<Arguments> proxies() {
        return Stream.of(Arguments.of("SOCKS5", false), Arguments.of("SOCKS5", true), Arguments.of("HTTP", false), Arguments.of("HTTP", true));
    }

    private static TunnelProxy open(String kind, boolean auth) throws IOException {
        if (kind.equals("SOCKS5")) {
            return auth ? Socks5Proxy.open("alice", "s3cret") : Socks5Proxy.open();
        }
        return auth ? HttpConnectProxy.open("alice", "s3cret") : HttpConnectProxy.open();
    }

    private static ProxyConfig config(TunnelProxy proxy) {
        return proxy instanceof Socks5Proxy s ? s.config() : ((HttpConnectProxy) proxy).config();
    }

    @ParameterizedTest(name = "{0}, credentials: {1}")
    @MethodSource("proxies")
    void aKeyExchangeAndACallGoThroughTheProxy(String kind, boolean auth) throws Exception {
        try (TunnelProxy proxy = open(kind, auth)) {
            int before = TELEGRAM.cluster().dc(1).inspection().acceptedConnections();
            NearestDc nearest = callThrough(config(proxy).dialer());
            assertThat(nearest.thisDc()).isEqualTo(1);
            assertThat(proxy.tunnels()).as("every connection went through the proxy").isPositive()
                    .isEqualTo(TELEGRAM.cluster().dc(1).inspection().acceptedConnections() - before);
        }
    }

    @ParameterizedTest(name = "{0}, {1}: a wrong password (true) or none (false)")
    @MethodSource("proxies")
    void aWrongPasswordFailsConnectAtOnceAsAuthRefused(String kind, boolean auth) throws Exception {
        try (TunnelProxy proxy = open(kind, true)) {
            ProxyConfig wrong = kind.equals("SOCKS5") ? ProxyConfig.socks5(proxy.host(), proxy.port(), "alice", "wrong-pw")
                    : ProxyConfig.http(proxy.host(), proxy.port(), "alice", "wrong-pw");
            ProxyConfig none = kind.equals("SOCKS5") ? ProxyConfig.socks5(proxy.host(), proxy.port())
                    : ProxyConfig.http(proxy.host(), proxy.port());
            Throwable failure = connectFailure((auth ? wrong : none).dialer());
            assertThat(failure).isInstanceOf(ConnectFailedException.class).hasMessageContaining(kind + " proxy 127.0.0.1:" + proxy.port())
                    .hasMessageContaining("AUTH_REFUSED").hasMessageNotContaining("wrong-pw").hasMessageNotContaining("s3cret");
            assertThat(failure.getCause()).isInstanceOfSatisfying(ProxyRefusedException.class,
                    e -> assertThat(e.step()).isEqualTo(ProxyStep.AUTH_REFUSED));
            assertThat(proxy.tunnels()).isZero();
        }
    }

    @Test
    void aProxyThatIsDownFailsConnectWithinTheTimeoutAsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // nothing listens there once closed
        }
        long started = System.nanoTime();
        Throwable failure = connectFailure(ProxyConfig.socks5("127.0.0.1", port).dialer());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("connect() gave up at its timeout, not later")
                .isLessThan(CONNECT_TIMEOUT.plusSeconds(5));
        assertThat(failure).isInstanceOf(ConnectTimeoutException.class).hasMessageContaining("PROXY_UNREACHABLE")
                .hasMessageContaining("cannot open a TCP connection to the proxy");
        assertThat(failure.getCause()).isInstanceOfSatisfying(ProxyUnavailableException.class,
                e -> assertThat(e.step()).isEqualTo(ProxyStep.PROXY_UNREACHABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void aProxyThatClosesMidHandshakeIsUnreachableAndRetried(String kind, boolean auth) throws Exception {
        try (TunnelProxy proxy = open(kind, auth)) {
            proxy.fault(ProxyFault.CLOSE_MID_HANDSHAKE);
            Throwable failure = connectFailure(config(proxy).dialer());
            assertThat(failure).isInstanceOf(ConnectTimeoutException.class);
            assertThat(failure.getCause()).isInstanceOfSatisfying(ProxyUnavailableException.class,
                    e -> assertThat(e.step()).isEqualTo(ProxyStep.PROXY_UNREACHABLE)).hasMessageContaining("closed the connection");
            assertThat(proxy.connections()).as("the client tried again").isGreaterThan(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void aTargetTheProxyCannotReachIsTargetRefused(String kind, boolean auth) throws Exception {
        try (TunnelProxy proxy = open(kind, auth)) {
            proxy.fault(ProxyFault.REFUSE_TARGET);
            assertThatThrownBy(() -> config(proxy).dialer().dial(dcEndpoint(), CONNECT_TIMEOUT))
                    .isInstanceOfSatisfying(ProxyUnavailableException.class, e -> assertThat(e.step()).isEqualTo(ProxyStep.TARGET_REFUSED));
        }
    }

    @Test
    void theProxyRefusingEveryPasswordIsAuthRefused() throws Exception {
        try (Socks5Proxy proxy = Socks5Proxy.open("alice", "s3cret")) {
            proxy.fault(ProxyFault.REFUSE_AUTH);
            assertThatThrownBy(() -> proxy.config().dialer().dial(dcEndpoint(), CONNECT_TIMEOUT))
                    .isInstanceOfSatisfying(ProxyRefusedException.class, e -> assertThat(e.step()).isEqualTo(ProxyStep.AUTH_REFUSED));
        }
    }

    @Test
    void aSilentProxyFailsTheDialAtItsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) { // accepted by the kernel, never answered
            Duration timeout = Duration.ofMillis(400);
            assertThatThrownBy(() -> ProxyConfig.http("127.0.0.1", silent.getLocalPort()).dialer().dial(dcEndpoint(), timeout))
                    .isInstanceOfSatisfying(ProxyUnavailableException.class, e -> assertThat(e.step()).isEqualTo(ProxyStep.PROXY_UNREACHABLE))
                    .hasMessageContaining("within 400 ms");
        }
    }

    @Test
    void somethingThatIsNotAProxyIsAProtocolError() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the test checks the client's side
                }
            });
            t.start();
            assertThatThrownBy(() -> ProxyConfig.http("127.0.0.1", fake.getLocalPort()).dialer().dial(dcEndpoint(), CONNECT_TIMEOUT))
                    .isInstanceOfSatisfying(ProxyRefusedException.class, e -> assertThat(e.step()).isEqualTo(ProxyStep.PROTOCOL_ERROR))
                    .isInstanceOf(ProxyFailure.class).hasMessageContaining("not an HTTP status line");
            t.join();
        }
    }

    /** The SOCKS5 address types end to end: an IPv6 literal, an IPv4 literal and a name, each to an echo server. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"::1", "127.0.0.1", "localhost"})
    void everyAddressTypeReachesItsTarget(String host) throws Exception {
        InetAddress bind = InetAddress.getByName(host.equals("localhost") ? "127.0.0.1" : host);
        ServerSocket echo;
        try {
            echo = new ServerSocket(0, 5, bind);
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no " + host + " on this machine (" + e.getMessage() + "): IPv6 checked by the unit tests only");
            return;
        }
        try (echo; Socks5Proxy proxy = Socks5Proxy.open(); HttpConnectProxy http = HttpConnectProxy.open()) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket s = echo.accept()) {
                        s.getOutputStream().write(s.getInputStream().readNBytes(5));
                    } catch (IOException ignored) {
                        return;
                    }
                }
            });
            t.start();
            for (ProxyConfig config : new ProxyConfig[] {proxy.config(), http.config()}) {
                DialedConnection c = config.dialer().dial(new DcEndpoint(2, host, echo.getLocalPort(), false), CONNECT_TIMEOUT);
                try {
                    assertThat(c.route()).contains(config.describe());
                    c.channel().write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}));
                    InputStream in = c.channel().socket().getInputStream();
                    assertThat(in.readNBytes(5)).as(config.describe()).containsExactly(1, 2, 3, 4, 5);
                } finally {
                    c.closeQuietly();
                }
            }
            t.join();
        }
    }

    private static DcEndpoint dcEndpoint() {
        return new DcEndpoint(1, TELEGRAM.cluster().dc(1).host(), TELEGRAM.cluster().dc(1).port(), false);
    }
}
