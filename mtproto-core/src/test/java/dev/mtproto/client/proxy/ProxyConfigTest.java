package dev.mtproto.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProxyConfigTest {

    @Test
    void toStringNeverShowsThePassword() {
        ProxyConfig socks = ProxyConfig.socks5("10.0.0.1", 1080, "alice", "pa55word");
        ProxyConfig http = ProxyConfig.http("::1", 3128, "bob", "hunter2");
        assertThat(socks.toString()).contains("10.0.0.1:1080", "alice").doesNotContain("pa55word");
        assertThat(socks.credentials().orElseThrow().toString()).doesNotContain("pa55word");
        assertThat(socks.dialer().toString()).doesNotContain("pa55word");
        assertThat(http.toString()).contains("[::1]:3128", "bob").doesNotContain("hunter2");
        assertThat(http.describe()).isEqualTo("HTTP proxy [::1]:3128");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> ProxyConfig.socks5(" ", 1080)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> ProxyConfig.http("h", 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> ProxyConfig.socks5("h", 1, "", "p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user name must be 1..255 bytes");
        assertThatThrownBy(() -> ProxyConfig.socks5("h", 1, "u", "é".repeat(128))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password must be 1..255 bytes in UTF-8, got 256");
    }

    @Test
    void theStepDecidesTheKindOfException() {
        assertThat(ProxyFailure.of(ProxyStep.PROXY_UNREACHABLE, "SOCKS5 proxy h:1", "down", null))
                .isInstanceOf(ProxyUnavailableException.class).hasMessage("SOCKS5 proxy h:1: PROXY_UNREACHABLE: down");
        assertThat(ProxyFailure.of(ProxyStep.TARGET_REFUSED, "p", "d", null)).isInstanceOf(ProxyUnavailableException.class);
        assertThat(ProxyFailure.of(ProxyStep.AUTH_REFUSED, "p", "d", null)).isInstanceOf(ProxyRefusedException.class);
        assertThat(ProxyFailure.of(ProxyStep.PROTOCOL_ERROR, "p", "d", null)).isInstanceOf(ProxyRefusedException.class);
        assertThat(ProxyFailure.of(ProxyStep.SECRET_REJECTED, "p", "d", null)).isInstanceOf(ProxyRefusedException.class);
    }

    @Test
    void anMtproxyComesFromItsLinkAndNeverShowsItsKey() {
        ProxyConfig.Mtproxy proxy = ProxyConfig.mtproxy(
                "tg://proxy?server=127.0.0.1&port=443&secret=eecef85196f162e3e26d65f3e6cf82e7b46578616d706c652e636f6d");
        assertThat(proxy.host()).isEqualTo("127.0.0.1");
        assertThat(proxy.port()).isEqualTo(443);
        assertThat(proxy.credentials()).isEmpty();
        assertThat(proxy.describe()).isEqualTo("MTProxy 127.0.0.1:443");
        assertThat(proxy.toString()).contains("FAKE_TLS", "example.com").doesNotContainIgnoringCase("cef851");
        assertThat(proxy.dialer()).isInstanceOf(MtproxyDialer.class).asString().doesNotContainIgnoringCase("cef851");
        assertThat(ProxyConfig.mtproxy(MtproxyLink.parse("https://t.me/proxy?server=h&port=1&secret=dd" + "00".repeat(16))).secret().mode())
                .isEqualTo(dev.mtproto.transport.MtproxySecret.Mode.PADDED);
        assertThatThrownBy(() -> ProxyConfig.mtproxy("tg://proxy?server=h&port=1&secret=zz"))
                .isInstanceOf(InvalidProxyLinkException.class).hasMessageNotContaining("zz");
    }
}
