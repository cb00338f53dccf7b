package dev.mtproto.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ConnectFailedException;
import dev.mtproto.client.ConnectTimeoutException;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyRefusedException;
import dev.mtproto.client.proxy.ProxyStep;
import dev.mtproto.client.proxy.ProxyUnavailableException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.transport.MtproxySecret;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client through the testkit's MTProxy front to the test DCs, for each kind of secret: key exchange and
 * calls, and what a wrong secret, a bad server HMAC and a front that closes mid-handshake do
 * (https://core.telegram.org/mtproto/mtproto-transports, transport obfuscation).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MtproxyFrontTest {
    static final String KEY = "cef85196f162e3e26d65f3e6cf82e7b4";
    static final MtproxySecret EE = MtproxySecret.fromHex("ee" + KEY + HexFormat.of().formatHex("example.com".getBytes()));

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    private static MtproxyFront front(MtproxySecret secret) throws Exception {
        return MtproxyFront.open(TELEGRAM.cluster(), secret);
    }

    private static int accepted() {
        return TELEGRAM.cluster().dc(1).inspection().acceptedConnections() + TELEGRAM.cluster().dc(2).inspection().acceptedConnections();
    }

    @ParameterizedTest(name = "secret {0}...")
    @ValueSource(strings = {KEY, "dd" + KEY, "ee" + KEY + "6578616d706c652e636f6d"})
    void aKeyExchangeAndACallGoThroughTheFront(String secretHex) throws Exception {
        MtproxySecret secret = MtproxySecret.fromHex(secretHex);
        try (MtproxyFront front = front(secret)) {
            int before = accepted();
            NearestDc nearest = ThroughProxy.callThrough(TELEGRAM.cluster(), front.config().dialer());
            assertThat(nearest.thisDc()).isEqualTo(1);
            assertThat(front.relayed(secret.mode())).as("every connection went through the front as " + secret.mode())
                    .isPositive().isEqualTo(accepted() - before);
            assertThat(front.rejected()).isZero();
        }
    }

    @ParameterizedTest(name = "test mode: {0}")
    @ValueSource(booleans = {false, true})
    void theHeaderNamesTheDcTheFrontForwardsTo(boolean testMode) throws Exception {
        try (MtproxyFront front = front(EE);
                MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().homeDc(2).testMode(testMode)
                        .dialer(front.config().dialer()).build())) {
            int before = TELEGRAM.cluster().dc(2).inspection().acceptedConnections();
            client.connect().get(20, TimeUnit.SECONDS);
            NearestDc nearest = (NearestDc) client.invoke(GetNearestDc.INSTANCE).get(20, TimeUnit.SECONDS);
            assertThat(nearest.thisDc()).isEqualTo(2);
            assertThat(TELEGRAM.cluster().dc(2).inspection().acceptedConnections()).isGreaterThan(before);
            assertThat(front.dcFieldsSeen()).containsExactly(testMode ? 10_002 : 2);
        }
    }

    @Test
    void aFakeTlsFrontAlsoServesPlainAndDdClientsOfItsKey() throws Exception {
        try (MtproxyFront front = front(EE)) {
            ThroughProxy.callThrough(TELEGRAM.cluster(), ProxyConfig.mtproxy(front.host(), front.port(), MtproxySecret.fromHex(KEY)).dialer());
            ThroughProxy.callThrough(TELEGRAM.cluster(), ProxyConfig.mtproxy(front.host(), front.port(),
                    MtproxySecret.fromHex("dd" + KEY)).dialer());
            assertThat(front.relayed(MtproxySecret.Mode.SIMPLE)).isPositive();
            assertThat(front.relayed(MtproxySecret.Mode.PADDED)).isPositive();
            assertThat(front.relayed(MtproxySecret.Mode.FAKE_TLS)).isZero();
        }
    }

    @Test
    void theLinkOfTheFrontLeadsThroughIt() throws Exception {
        try (MtproxyFront front = front(EE)) {
            assertThat(front.link()).startsWith("tg://proxy?server=127.0.0.1&port=" + front.port() + "&secret=ee" + KEY);
            ThroughProxy.callThrough(TELEGRAM.cluster(), ProxyConfig.mtproxy(front.link()).dialer());
            assertThat(front.relayed(MtproxySecret.Mode.FAKE_TLS)).isPositive();
        }
    }

    @ParameterizedTest(name = "secret {0}...")
    @ValueSource(strings = {"00112233445566778899aabbccddeeff", "dd00112233445566778899aabbccddeeff"})
    void aWrongPlainOrDdSecretIsClosedAsGarbageAndTheClientRetriesUntilItsTimeout(String wrongHex) throws Exception {
        try (MtproxyFront front = front(MtproxySecret.fromHex("dd" + KEY))) {
            Throwable failure = ThroughProxy.connectFailure(TELEGRAM.cluster(),
                    ProxyConfig.mtproxy(front.host(), front.port(), MtproxySecret.fromHex(wrongHex)).dialer());
            assertThat(failure).isInstanceOf(ConnectTimeoutException.class);
            assertThat(front.rejected()).as("the front closed the connections").isPositive();
            assertThat(front.relayed(MtproxySecret.Mode.PADDED) + front.relayed(MtproxySecret.Mode.SIMPLE)).isZero();
        }
    }

    @Test
    void aWrongFakeTlsSecretIsClosedBeforeAnyReply() throws Exception {
        try (MtproxyFront front = front(EE)) {
            MtproxySecret wrong = MtproxySecret.fromHex("ee" + "11".repeat(16) + "6578616d706c652e636f6d");
            Throwable failure = ThroughProxy.connectFailure(TELEGRAM.cluster(), ProxyConfig.mtproxy(front.host(), front.port(), wrong).dialer());
            assertThat(failure).isInstanceOf(ConnectTimeoutException.class);
            assertThat(failure.getCause()).isInstanceOfSatisfying(ProxyUnavailableException.class,
                    e -> assertThat(e.step()).isEqualTo(ProxyStep.PROXY_UNREACHABLE)).hasMessageContaining("closed the connection");
            assertThat(front.rejected()).isPositive();
        }
    }

    @Test
    void aReplyWithoutTheSecretsHmacStopsTheClientAtOnce() throws Exception {
        try (MtproxyFront front = front(EE)) {
            front.fault(ProxyFault.BAD_SERVER_HMAC);
            Throwable failure = ThroughProxy.connectFailure(TELEGRAM.cluster(), front.config().dialer());
            assertThat(failure).isInstanceOf(ConnectFailedException.class).hasMessageContaining("MTProxy 127.0.0.1:" + front.port())
                    .hasMessageContaining("SECRET_REJECTED").hasMessageNotContaining(KEY);
            assertThat(failure.getCause()).isInstanceOfSatisfying(ProxyRefusedException.class,
                    e -> assertThat(e.step()).isEqualTo(ProxyStep.SECRET_REJECTED));
            assertThat(front.connections()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "secret {0}...")
    @ValueSource(strings = {"dd" + KEY, "ee" + KEY + "6578616d706c652e636f6d"})
    void aFrontThatClosesMidHandshakeIsRetriedUntilTheTimeout(String secretHex) throws Exception {
        try (MtproxyFront front = front(MtproxySecret.fromHex(secretHex))) {
            front.fault(ProxyFault.CLOSE_MID_HANDSHAKE);
            Throwable failure = ThroughProxy.connectFailure(TELEGRAM.cluster(), front.config().dialer());
            assertThat(failure).isInstanceOf(ConnectTimeoutException.class);
            assertThat(front.connections()).as("the client tried again").isGreaterThan(1);
        }
    }
}
