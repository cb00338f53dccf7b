package dev.mtproto.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.proxy.InvalidProxyLinkException;
import dev.mtproto.client.proxy.MtproxyLink;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.logging.LogCaptureExtension;
import dev.mtproto.testkit.logging.SecretScan;
import dev.mtproto.transport.MtproxySecret;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No proxy password and no MTProxy secret (plain, {@code dd}, FakeTLS {@code ee}; hex, base64 or the key
 * alone) appears in any log line down to TRACE, in an error or in a {@code toString()}, while clients connect
 * through the testkit's SOCKS5 and HTTP proxies with passwords and its MTProxy front, with right and wrong
 * credentials, and while bad links are parsed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SecretsThroughProxiesTest {
    private static final String PASSWORD = "pr0xy-pa55word";
    private static final String WRONG_PASSWORD = "wr0ng-pa55word";
    private static final String KEY = "5ecf85196f162e3e26d65f3e6cf8e7b4";
    private static final String WRONG_KEY = "0badf85196f162e3e26d65f3e6cf8e7b";
    private static final String DOMAIN = HexFormat.of().formatHex("example.com".getBytes());

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    @RegisterExtension
    final LogCaptureExtension logs = new LogCaptureExtension();
    private final List<String> shown = new ArrayList<>();

    @Test
    void tunnelProxiesWithPasswords() throws Exception {
        try (Socks5Proxy socks = Socks5Proxy.open("alice", PASSWORD); HttpConnectProxy http = HttpConnectProxy.open("alice", PASSWORD)) {
            for (ProxyConfig proxy : List.of(socks.config(), http.config())) {
                shown.add(proxy.toString());
                shown.add(proxy.credentials().orElseThrow().toString());
                shown.add(ThroughProxy.callThrough(TELEGRAM.cluster(), proxy.dialer()).toString());
            }
            for (ProxyConfig wrong : List.of(ProxyConfig.socks5(socks.host(), socks.port(), "alice", WRONG_PASSWORD),
                    ProxyConfig.http(http.host(), http.port(), "alice", WRONG_PASSWORD))) {
                shown.add(wrong.toString());
                keep(ThroughProxy.connectFailure(TELEGRAM.cluster(), wrong.dialer()));
            }
        }
        assertNothingLeaked(SecretScan.create().text(PASSWORD).text(WRONG_PASSWORD));
    }

    @Test
    void mtproxyFrontsOfEveryKindAndWrongSecrets() throws Exception {
        SecretScan secrets = SecretScan.create().bytes(HexFormat.of().parseHex(KEY)).bytes(HexFormat.of().parseHex(WRONG_KEY));
        for (String hex : List.of(KEY, "dd" + KEY, "ee" + KEY + DOMAIN)) {
            MtproxySecret secret = MtproxySecret.fromHex(hex);
            secrets.text(hex).bytes(HexFormat.of().parseHex(hex));
            try (MtproxyFront front = MtproxyFront.open(TELEGRAM.cluster(), secret)) {
                shown.add(front.toString());
                shown.add(front.config().toString());
                shown.add(secret.toString());
                shown.add(MtproxyLink.parse(front.link()).toString());
                shown.add(ThroughProxy.callThrough(TELEGRAM.cluster(), ProxyConfig.mtproxy(front.link()).dialer()).toString());
                MtproxySecret wrong = MtproxySecret.fromHex(hex.replace(KEY, WRONG_KEY));
                keep(ThroughProxy.connectFailure(TELEGRAM.cluster(), ProxyConfig.mtproxy(front.host(), front.port(), wrong).dialer()));
            }
        }
        for (String link : List.of("tg://proxy?server=127.0.0.1&port=0&secret=dd" + KEY,
                "tg://proxy?server=127.0.0.1&port=443&secret=ff" + KEY,
                "tg://proxy?server=127.0.0.1&port=443&secret=" + KEY + "&secret=" + KEY,
                "https://t.me/socks?server=127.0.0.1&port=443&secret=ee" + KEY + DOMAIN)) {
            try {
                MtproxyLink.parse(link);
            } catch (InvalidProxyLinkException e) {
                keep(e);
            }
        }
        assertNothingLeaked(secrets);
    }

    private void keep(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            shown.add(t.toString());
        }
    }

    private void assertNothingLeaked(SecretScan secrets) {
        secrets.authKeysOf(TELEGRAM.cluster());
        assertThat(logs.capture().sawDetail("dev.mtproto")).as("DEBUG output was captured").isTrue();
        assertThat(shown).hasSizeGreaterThan(4);
        secrets.assertNoneIn(logs.capture().texts());
        secrets.assertNoneIn(shown);
    }
}
