package dev.mtproto.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ConnectFailedException;
import dev.mtproto.client.net.Dialer;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyRefusedException;
import dev.mtproto.client.proxy.ProxyStep;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The dialers against real proxy servers from Debian's packages, started here on 127.0.0.1 with their own
 * configuration: {@code microsocks} (SOCKS5, RFC 1929 auth) and {@code tinyproxy} (HTTP CONNECT, Basic auth).
 * A test whose server is not installed is skipped with a message saying so; {@link ProxyDialersTest} still
 * checks the protocol against the testkit's own proxies.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DebianProxiesTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    @TempDir
    Path dir;

    private static NearestDc callThrough(Dialer dialer) throws Exception {
        return ThroughProxy.callThrough(TELEGRAM.cluster(), dialer);
    }

    private static Throwable connectFailure(Dialer dialer) {
        return ThroughProxy.connectFailure(TELEGRAM.cluster(), dialer);
    }

    private ProxyProcess microsocks(String... auth) throws Exception {
        Path binary = ProxyProcess.require("microsocks", "apt-get install microsocks");
        int port = ProxyProcess.freePort();
        String[] base = {binary.toString(), "-i", "127.0.0.1", "-p", String.valueOf(port)};
        String[] command = new String[base.length + auth.length];
        System.arraycopy(base, 0, command, 0, base.length);
        System.arraycopy(auth, 0, command, base.length, auth.length);
        return ProxyProcess.start(port, dir.resolve("microsocks.log"), command);
    }

    private ProxyProcess tinyproxy(boolean auth) throws Exception {
        Path binary = ProxyProcess.require("tinyproxy", "apt-get install tinyproxy");
        int port = ProxyProcess.freePort();
        Path config = dir.resolve("tinyproxy.conf");
        Files.writeString(config, "Port " + port + "\nListen 127.0.0.1\nTimeout 60\nMaxClients 20\nAllow 127.0.0.1\n"
                + "LogLevel Info\n" + (auth ? "BasicAuth alice s3cret\n" : ""), StandardCharsets.US_ASCII);
        return ProxyProcess.start(port, dir.resolve("tinyproxy.log"), binary.toString(), "-d", "-c", config.toString());
    }

    @Test
    void microsocksWithoutAuthentication() throws Exception {
        try (ProxyProcess proxy = microsocks()) {
            assertThat(callThrough(ProxyConfig.socks5("127.0.0.1", proxy.port()).dialer()).thisDc()).isEqualTo(1);
        }
    }

    @Test
    void microsocksWithUsernameAndPassword() throws Exception {
        try (ProxyProcess proxy = microsocks("-u", "alice", "-P", "s3cret")) {
            assertThat(callThrough(ProxyConfig.socks5("127.0.0.1", proxy.port(), "alice", "s3cret").dialer()).thisDc()).isEqualTo(1);
            assertAuthRefused(connectFailure(ProxyConfig.socks5("127.0.0.1", proxy.port(), "alice", "wrong-pw").dialer()));
            assertAuthRefused(connectFailure(ProxyConfig.socks5("127.0.0.1", proxy.port()).dialer()));
        }
    }

    @Test
    void tinyproxyWithoutAuthentication() throws Exception {
        try (ProxyProcess proxy = tinyproxy(false)) {
            assertThat(callThrough(ProxyConfig.http("127.0.0.1", proxy.port()).dialer()).thisDc()).as(proxy.output()).isEqualTo(1);
        }
    }

    @Test
    void tinyproxyWithBasicAuth() throws Exception {
        try (ProxyProcess proxy = tinyproxy(true)) {
            assertThat(callThrough(ProxyConfig.http("127.0.0.1", proxy.port(), "alice", "s3cret").dialer()).thisDc())
                    .as(proxy.output()).isEqualTo(1);
            assertAuthRefused(connectFailure(ProxyConfig.http("127.0.0.1", proxy.port(), "alice", "wrong-pw").dialer()));
            assertAuthRefused(connectFailure(ProxyConfig.http("127.0.0.1", proxy.port()).dialer()));
        }
    }

    @Test
    void aMissingServerSkipsItsTestSayingWhatToInstall() {
        assertThatThrownBy(() -> ProxyProcess.require("no-such-proxy-server", "apt-get install no-such-proxy-server"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no-such-proxy-server is not installed")
                .hasMessageContaining("apt-get install no-such-proxy-server");
    }

    private static void assertAuthRefused(Throwable failure) {
        assertThat(failure).isInstanceOf(ConnectFailedException.class).hasMessageNotContaining("wrong-pw");
        assertThat(failure.getCause()).isInstanceOfSatisfying(ProxyRefusedException.class,
                e -> assertThat(e.step()).isEqualTo(ProxyStep.AUTH_REFUSED));
    }
}
