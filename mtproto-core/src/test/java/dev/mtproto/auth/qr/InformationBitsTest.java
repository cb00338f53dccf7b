package dev.mtproto.auth.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Format and version information against the values listed in ISO/IEC 18004, Annexes C and D. */
class InformationBitsTest {
    @Test
    void formatInformationMatchesTheStandardsTable() {
        assertThat(FormatInformation.bits(ErrorCorrection.MEDIUM, 0)).isEqualTo(0b101010000010010);
        assertThat(FormatInformation.bits(ErrorCorrection.MEDIUM, 5)).isEqualTo(0b100000011001110);
        assertThat(FormatInformation.bits(ErrorCorrection.LOW, 0)).isEqualTo(0b111011111000100);
        assertThat(FormatInformation.bits(ErrorCorrection.LOW, 7)).isEqualTo(0b110100101110110);
        assertThat(FormatInformation.bits(ErrorCorrection.QUARTILE, 0)).isEqualTo(0b011010101011111);
        assertThat(FormatInformation.bits(ErrorCorrection.HIGH, 0)).isEqualTo(0b001011010001001);
        assertThat(FormatInformation.bits(ErrorCorrection.HIGH, 7)).isEqualTo(0b000100000111011);
    }

    @Test
    void the32FormatCodewordsDifferInAtLeast7Bits() {
        Set<Integer> all = new HashSet<>();
        for (ErrorCorrection level : ErrorCorrection.values()) {
            for (int mask = 0; mask < DataMask.COUNT; mask++) {
                all.add(FormatInformation.bits(level, mask));
            }
        }
        assertThat(all).hasSize(32);
        for (int a : all) {
            for (int b : all) {
                if (a != b) {
                    assertThat(Integer.bitCount(a ^ b)).isGreaterThanOrEqualTo(7);
                }
            }
        }
    }

    @Test
    void versionInformationMatchesTheStandardsTable() {
        assertThat(VersionInformation.bits(7)).isEqualTo(0x07C94);
        assertThat(VersionInformation.bits(8)).isEqualTo(0x085BC);
        assertThat(VersionInformation.bits(21)).isEqualTo(0x15683);
        assertThat(VersionInformation.bits(40)).isEqualTo(0x28C69);
    }

    @Test
    void versionsBelow7HaveNoVersionInformation() {
        ModuleMatrix version6 = FunctionPatterns.draw(6);
        ModuleMatrix version7 = FunctionPatterns.draw(7);
        int size6 = version6.size();
        int size7 = version7.size();
        // The 6x3 block left of the top-right finder's separator.
        for (int x = size6 - 11; x < size6 - 8; x++) {
            assertThat(version6.isFunction(x, 0)).isFalse();
        }
        for (int x = size7 - 11; x < size7 - 8; x++) {
            assertThat(version7.isFunction(x, 0)).isTrue();
        }
    }
}
