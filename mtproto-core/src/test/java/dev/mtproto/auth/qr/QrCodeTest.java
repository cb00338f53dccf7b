package dev.mtproto.auth.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtproto.MtprotoException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class QrCodeTest {
    @ParameterizedTest
    @CsvSource({"LOW, 2953", "MEDIUM, 2331", "QUARTILE, 1663", "HIGH, 1273"})
    void refusesDataLongerThanVersion40HoldsAndSaysHowMuchFits(ErrorCorrection level, int maxLength) {
        assertThat(QrCode.encode(new byte[maxLength], level).version()).isEqualTo(40);

        QrCodeTooLongException e = catchThrowableOfType(QrCodeTooLongException.class,
                () -> QrCode.encode(new byte[maxLength + 1], level));

        assertThat(e).isInstanceOf(MtprotoException.class);
        assertThat(e.length()).isEqualTo(maxLength + 1);
        assertThat(e.maxLength()).isEqualTo(maxLength);
        assertThat(e.level()).isEqualTo(level);
        assertThat(e).hasMessage("data of " + (maxLength + 1) + " bytes does not fit in a QR code: at most "
                + maxLength + " bytes fit at error correction " + level + " (version 40)");
    }

    @Test
    void textIsMeasuredInUtf8Bytes() {
        // 1166 two-byte characters: 2332 bytes, one more than version 40-M holds.
        QrCodeTooLongException e = catchThrowableOfType(QrCodeTooLongException.class,
                () -> QrCode.encode("é".repeat(1166)));
        assertThat(e.length()).isEqualTo(2332);
        assertThat(e.maxLength()).isEqualTo(2331);
        assertThat(QrCode.encode("é".repeat(1165)).version()).isEqualTo(40);
    }

    @Test
    void aHugeInputIsRefusedWithoutWork() {
        assertThatThrownBy(() -> QrCode.encode(new byte[50_000_000], ErrorCorrection.HIGH))
                .isInstanceOf(QrCodeTooLongException.class).hasMessageContaining("50000000 bytes");
    }

    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> QrCode.encode(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> QrCode.encode(null, ErrorCorrection.LOW)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("data");
        assertThatThrownBy(() -> QrCode.encode(new byte[1], null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("level");
    }

    @Test
    void modulesOutsideTheSymbolAreRefused() {
        QrCode code = QrCode.encode("");
        assertThat(code.size()).isEqualTo(21);
        assertThat(code.isDark(0, 0)).isTrue(); // a finder pattern's corner
        assertThat(code.isDark(7, 7)).isFalse(); // its separator
        assertThat(code.isDark(8, code.size() - 8)).isTrue(); // the dark module
        for (int[] xy : new int[][] {{-1, 0}, {0, -1}, {21, 0}, {0, 21}}) {
            assertThatThrownBy(() -> code.isDark(xy[0], xy[1])).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("(" + xy[0] + ", " + xy[1] + ")").hasMessageContaining("21x21");
        }
    }

    @Test
    void theDataDoesNotChangeAfterwardsAndEqualInputsGiveEqualCodes() {
        byte[] data = "tg://login?token=abc".getBytes(StandardCharsets.UTF_8);
        QrCode code = QrCode.encode(data, ErrorCorrection.QUARTILE);
        QrCode same = QrCode.encode(data.clone(), ErrorCorrection.QUARTILE);
        data[0] = 'x';

        assertThat(ZxingDecoding.decode(code).text()).isEqualTo("tg://login?token=abc");
        assertThat(code).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(code).isNotEqualTo(QrCode.encode(data, ErrorCorrection.QUARTILE));
        assertThat(code).isNotEqualTo(QrCode.encode("tg://login?token=abc"));
    }

    @Test
    void toStringNeverShowsTheData() {
        QrCode code = QrCode.encode("tg://login?token=c2VjcmV0LXRva2Vu");
        assertThat(code.toString()).isEqualTo("QrCode[version=" + code.version() + ", errorCorrection=MEDIUM, mask="
                + code.mask() + ", size=" + code.size() + "]").doesNotContain("token");
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void byteCapacitiesAreTheStandards(ErrorCorrection level) {
        // ISO/IEC 18004, Table 7, byte mode.
        int[][] expected = {
            {1, 17, 14, 11, 7},
            {7, 154, 122, 86, 64},
            {9, 230, 180, 130, 98},
            {10, 271, 213, 151, 119},
            {40, 2953, 2331, 1663, 1273},
        };
        for (int[] row : expected) {
            assertThat(QrEncoder.byteCapacity(row[0], level)).as("version %d", row[0])
                    .isEqualTo(row[1 + level.ordinal()]);
        }
    }

    @Test
    void dataCodewordsAreHeaderBytesTerminatorAndAlternatingPad() {
        // "a" in version 1-M: 0100 (byte mode), 00000001 (count), 01100001, 0000 (terminator), then
        // 11101100 00010001 ... up to 16 codewords.
        byte[] codewords = QrEncoder.dataCodewords(new byte[] {'a'}, 1, 16);
        assertThat(HexFormat.of().formatHex(codewords)).isEqualTo("401610ec11ec11ec11ec11ec11ec11ec");
        // From version 10 on the count has 16 bits.
        byte[] wide = QrEncoder.dataCodewords(new byte[] {'a'}, 10, 216);
        assertThat(HexFormat.of().formatHex(wide, 0, 5)).isEqualTo("40001610ec");
    }

    @Test
    void bitsAreAppendedMostSignificantFirst() {
        BitBuffer bits = new BitBuffer();
        bits.append(0b101, 3);
        bits.append(0b11111, 5);
        bits.append(0, 0);
        for (int i = 0; i < 300; i++) {
            bits.append(1, 1);
        }
        assertThat(bits.length()).isEqualTo(308);
        assertThatThrownBy(bits::toBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("308 bits");
        bits.append(0b0000, 4);
        byte[] bytes = bits.toBytes();
        assertThat(bytes).hasSize(39);
        assertThat(bytes[0]).isEqualTo((byte) 0xBF);
        assertThat(bytes[38]).isEqualTo((byte) 0xF0);
        assertThatThrownBy(() -> bits.append(4, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
