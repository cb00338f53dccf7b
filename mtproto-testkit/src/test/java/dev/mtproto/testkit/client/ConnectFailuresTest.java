package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.ConnectFailedException;
import dev.mtproto.client.ConnectTimeoutException;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.UnknownDcException;
import dev.mtproto.keyexchange.KeyExchangeException;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code connect()} never hangs: a setup mistake fails it at once with a typed error saying what to fix; a
 * DC that cannot be reached fails it after the connect timeout while the client keeps trying.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectFailuresTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // nothing listens there once closed
        }
    }

    private static Throwable connectFailure(MtprotoClient client) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> client.connect().get(20, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void anUntrustedDcKeyFailsConnectAtOnceSayingWhatToFix() {
        ClientConfig config = ClientConfig.builder(TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH)
                .dcOptions(TELEGRAM.cluster().dcOptions()).homeDc(1).connectTimeout(Duration.ofSeconds(10)).build(); // no addRsaKey
        long started = System.nanoTime();
        try (MtprotoClient client = MtprotoClient.create(config)) {
            Throwable failure = connectFailure(client);
            assertThat(failure).isInstanceOf(ConnectFailedException.class).hasCauseInstanceOf(KeyExchangeException.class)
                    .hasMessageContaining("addRsaKey");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed before the connect timeout").isLessThan(Duration.ofSeconds(8));
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(ConnectFailedException.class);
        }
    }

    @Test
    void aClosedPortFailsConnectAfterTheTimeoutAndCallsSayWhy() throws Exception {
        ClientConfig config = TELEGRAM.cluster().clientConfig()
                .dcOptions(DcOptions.of(new DcAddress(1, "127.0.0.1", closedPort())))
                .connectTimeout(Duration.ofMillis(700)).build();
        try (MtprotoClient client = MtprotoClient.create(config)) {
            Throwable failure = connectFailure(client);
            assertThat(failure).isInstanceOf(ConnectTimeoutException.class).hasCauseInstanceOf(ConnectException.class)
                    .hasMessageContaining("still trying");
            Throwable call = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS)).getCause();
            assertThat(call).isInstanceOf(RequestTimeoutException.class).hasCauseInstanceOf(ConnectException.class);
            assertThat(((RequestTimeoutException) call).sent()).isFalse();
        }
    }

    @Test
    void anUnknownHostIsTemporaryAndNamed() {
        ClientConfig config = TELEGRAM.cluster().clientConfig()
                .dcOptions(DcOptions.of(new DcAddress(1, "no-such-dc.invalid", 443)))
                .connectTimeout(Duration.ofMillis(700)).build();
        try (MtprotoClient client = MtprotoClient.create(config)) {
            assertThat(connectFailure(client)).isInstanceOf(ConnectTimeoutException.class)
                    .hasCauseInstanceOf(UnknownHostException.class).hasMessageContaining("no-such-dc.invalid");
        }
    }

    @Test
    void aHomeDcFromTheStoreThatTheOptionsDoNotKnowFailsConnectAtOnce() {
        MemorySessionStore store = new MemorySessionStore();
        store.saveHomeDc(4); // written by an earlier run against production
        ClientConfig config = TELEGRAM.cluster().clientConfig().sessionStore(store).connectTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        try (MtprotoClient client = MtprotoClient.create(config)) {
            assertThat(connectFailure(client)).isInstanceOf(ConnectFailedException.class)
                    .hasCauseInstanceOf(UnknownDcException.class).hasMessageContaining("DC 4");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aKeyExchangeCutShortDoesNotStallTheNextAttempt() throws Exception {
        // the DC answers the first message of the exchange with a transport error: that link dies while the
        // client holds the claim to create DC 1's key; the next attempt must make the key, not wait for it
        TELEGRAM.cluster().dc(1).faults().transportErrorOnNextFrame(-429);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.connect().get(10, TimeUnit.SECONDS);
            assertThat(client.invoke(GetNearestDc.INSTANCE).get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void anApiHashThatIsNotThirtyTwoHexDigitsIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> ClientConfig.builder(1, "not-a-hash")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hexadecimal digits").hasMessageNotContaining("not-a-hash");
        assertThatThrownBy(() -> ClientConfig.builder(1, "0123456789abcdef0123456789abcdeg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not all hexadecimal");
        assertThatThrownBy(() -> ClientConfig.builder(0, TestCluster.TEST_API_HASH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroOrNegativeDeadlinesAreRefused() {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> TELEGRAM.cluster().clientConfig().requestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TELEGRAM.cluster().clientConfig().connectTimeout(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class);
    }
}
