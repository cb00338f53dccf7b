package dev.mtproto.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.DcOption;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DcOptionsTest {
    private static final DcAddress V4 = new DcAddress(2, "149.154.167.51", 443);
    private static final DcAddress V6 = new DcAddress(2, "2001:67c:4e8:f002::a", 443, Set.of(DcAddress.Flag.IPV6), Optional.empty());
    private static final DcAddress MEDIA = new DcAddress(2, "149.154.167.151", 443, Set.of(DcAddress.Flag.MEDIA_ONLY), Optional.empty());
    private static final DcAddress CDN = new DcAddress(203, "91.105.192.100", 443, Set.of(DcAddress.Flag.CDN), Optional.empty());
    private static final DcOptions OPTIONS = DcOptions.of(V6, MEDIA, V4, CDN);

    @Test
    void callsUseGeneralAddressesIpv4First() {
        assertThat(OPTIONS.candidates(2, DcRole.MAIN, false)).containsExactly(V4);
        assertThat(OPTIONS.candidates(2, DcRole.MAIN, true)).containsExactly(V4, V6);
    }

    @Test
    void downloadsPreferMediaOnlyAddressesAndUploadsMayUseThem() {
        assertThat(OPTIONS.candidates(2, DcRole.DOWNLOAD, false)).containsExactly(MEDIA, V4);
        assertThat(OPTIONS.candidates(2, DcRole.UPLOAD, false)).containsExactly(MEDIA, V4);
    }

    @Test
    void cdnAddressesServeCdnConnectionsOnly() {
        assertThat(OPTIONS.candidates(203, DcRole.CDN, false)).containsExactly(CDN);
        assertThat(OPTIONS.candidates(203, DcRole.MAIN, false)).isEmpty();
        assertThat(OPTIONS.candidates(2, DcRole.CDN, false)).isEmpty();
    }

    @Test
    void unknownDcsAreNamedWithTheKnownOnes() {
        assertThat(OPTIONS.knows(2)).isTrue();
        assertThat(OPTIONS.knows(4)).isFalse();
        assertThatThrownBy(() -> OPTIONS.address(4)).hasMessageContaining("DC 4").hasMessageContaining("[2, 203]");
    }

    @Test
    void aDcOptionOfHelpGetConfigKeepsItsFlags() {
        DcOption option = DcOption.builder().ipv6(true).mediaOnly(true).thisPortOnly(true).id(4)
                .ipAddress("2001:67c:4e8:f004::b").port(443).build();
        DcAddress a = DcAddress.of(option);
        assertThat(a.flags()).containsExactlyInAnyOrder(DcAddress.Flag.IPV6, DcAddress.Flag.MEDIA_ONLY, DcAddress.Flag.THIS_PORT_ONLY);
        assertThat(a.secret()).isEmpty();
        assertThat(a.toString()).contains("[2001:67c:4e8:f004::b]:443");
    }

    @Test
    void theSameAddressTwiceIsRefused() {
        assertThatThrownBy(() -> DcOptions.of(V4, V4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DcOptions.of(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
