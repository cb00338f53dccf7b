package dev.mtproto.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * MTProxy links (https://core.telegram.org/api/links#mtproxy-links) as whoever shares one can write them.
 *
 * <p>Allowed out: {@link InvalidProxyLinkException}. A link that parses names a server and a port in
 * 1..65535.
 */
class MtproxyLinkFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void mtproxyLink(FuzzedDataProvider data) {
        String link = data.consumeRemainingAsString();
        MtproxyLink parsed;
        try {
            parsed = MtproxyLink.parse(link);
        } catch (InvalidProxyLinkException expected) {
            return;
        }
        assertThat(parsed.server()).isNotBlank();
        assertThat(parsed.port()).isBetween(1, 65535);
    }
}
