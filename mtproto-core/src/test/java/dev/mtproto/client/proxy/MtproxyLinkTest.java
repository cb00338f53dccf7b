package dev.mtproto.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.transport.MtproxySecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MTProxy links (https://core.telegram.org/api/links#mtproxy-links) and their three kinds of secret. */
class MtproxyLinkTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private static String b64url(byte[] raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Test
    void aPlainHexSecretInATgLink() {
        MtproxyLink link = MtproxyLink.parse("tg://proxy?server=proxy.example.org&port=443&secret=" + KEY);
        assertThat(link.server()).isEqualTo("proxy.example.org");
        assertThat(link.port()).isEqualTo(443);
        assertThat(link.secret().mode()).isEqualTo(MtproxySecret.Mode.SIMPLE);
        assertThat(link.secret().key()).containsExactly(HexFormat.of().parseHex(KEY));
    }

    @Test
    void aDdSecretInATmeLinkWithParametersInAnyOrder() {
        MtproxyLink link = MtproxyLink.parse("https://t.me/proxy?secret=DD" + KEY.toUpperCase() + "&port=8888&server=203.0.113.7");
        assertThat(link.secret().mode()).isEqualTo(MtproxySecret.Mode.PADDED);
        assertThat(link.secret().key()).containsExactly(HexFormat.of().parseHex(KEY));
        assertThat(link).isEqualTo(new MtproxyLink("203.0.113.7", 8888, MtproxySecret.fromHex("dd" + KEY)));
    }

    @Test
    void anEeSecretInBase64urlCarriesTheDomain() {
        byte[] raw = HexFormat.of().parseHex("ee" + KEY + HexFormat.of().formatHex("www.google.com".getBytes(StandardCharsets.US_ASCII)));
        MtproxyLink link = MtproxyLink.parse("tg://proxy?server=1.2.3.4&port=443&secret=" + b64url(raw));
        assertThat(link.secret().mode()).isEqualTo(MtproxySecret.Mode.FAKE_TLS);
        assertThat(link.secret().fakeTlsDomain()).contains("www.google.com");
        assertThat(link.secret().key()).containsExactly(HexFormat.of().parseHex(KEY));
    }

    @Test
    void paddedAndStandardBase64AndPercentEncodingAreAccepted() {
        byte[] raw = HexFormat.of().parseHex("ee" + KEY + HexFormat.of().formatHex("a.io".getBytes(StandardCharsets.US_ASCII)));
        String standard = Base64.getEncoder().encodeToString(raw);
        String encoded = standard.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
        MtproxyLink link = MtproxyLink.parse("https://t.me/proxy?server=%70roxy.example&port=%34%34%33&secret=" + encoded + "#x");
        assertThat(link.server()).isEqualTo("proxy.example");
        assertThat(link.port()).isEqualTo(443);
        assertThat(link.secret()).isEqualTo(MtproxySecret.of(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tg:proxy?", "TG://PROXY?", "http://t.me/proxy?", "t.me/proxy?", "https://telegram.me/proxy/?",
            "https://www.t.me/proxy?"})
    void everySpellingOfTheLink(String head) {
        assertThat(MtproxyLink.parse(head + "server=h&port=1&secret=" + KEY).server()).isEqualTo("h");
    }

    @Test
    void anIpv6ServerInBracketsLosesThem() {
        assertThat(MtproxyLink.parse("tg://proxy?server=[2001:db8::1]&port=443&secret=" + KEY).server()).isEqualTo("2001:db8::1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com/proxy?server=h&port=1&secret=" + KEY + "| expected tg://proxy",
            "tg://socks?server=h&port=1| a SOCKS5 link",
            "tg://proxy| no parameters",
            "tg://proxy?port=1&secret=" + KEY + "| parameter server is missing",
            "tg://proxy?server=h&secret=" + KEY + "| parameter port is missing",
            "tg://proxy?server=h&port=1| parameter secret is missing",
            "tg://proxy?server=h&port=1&secret=| parameter secret is missing",
            "tg://proxy?server=h&port=0&secret=" + KEY + "| port is not a number in 1..65535",
            "tg://proxy?server=h&port=65536&secret=" + KEY + "| port is not a number",
            "tg://proxy?server=h&port=-1&secret=" + KEY + "| port is not a number",
            "tg://proxy?server=h&port=99999999999&secret=" + KEY + "| port is not a number",
            "tg://proxy?server=h&server=i&port=1&secret=" + KEY + "| parameter server appears twice",
            "tg://proxy?server=a b&port=1&secret=" + KEY + "| server is not a host name",
            "tg://proxy?server=h%zz&port=1&secret=" + KEY + "| parameter server has a bad percent-escape",
            "tg://proxy?server=h%&port=1&secret=" + KEY + "| bad percent-escape",
            "tg://proxy?server=%ff&port=1&secret=" + KEY + "| not UTF-8",
            "tg://proxy?server=h&port=1&secret=0123| expected 16 bytes",
            "tg://proxy?server=h&port=1&secret=dd0123456789abcdef| expected 16 bytes",
            "tg://proxy?server=h&port=1&secret=ee" + KEY + "| expected 16 bytes",
            "tg://proxy?server=h&port=1&secret=ee" + KEY + "0a0b| domain is not printable",
            "tg://proxy?server=h&port=1&secret=not*a*secret| neither hex nor base64url",
            "tg://proxy?server=h&port=1&secret=A| not valid base64url"})
    void badLinksNameTheProblem(String link, String problem) {
        assertThatThrownBy(() -> MtproxyLink.parse(link)).isInstanceOf(InvalidProxyLinkException.class)
                .hasMessageStartingWith("invalid proxy link: ").hasMessageContaining(problem.strip());
    }

    @Test
    void aHostileLengthIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> MtproxyLink.parse("tg://proxy?server=h&port=1&secret=" + "ab".repeat(100_000)))
                .isInstanceOf(InvalidProxyLinkException.class).hasMessageContaining("longer than " + MtproxyLink.MAX_LINK_LENGTH);
    }

    @Test
    void theSecretNeverShows() {
        MtproxyLink link = MtproxyLink.parse("tg://proxy?server=h&port=1&secret=dd" + KEY);
        assertThat(link.toString()).doesNotContain(KEY).doesNotContain("0123456789").contains("PADDED");
        assertThatThrownBy(() -> MtproxyLink.parse("tg://proxy?server=h&port=1&secret=ee" + KEY + "0a0b"))
                .hasMessageNotContaining(KEY);
    }
}
