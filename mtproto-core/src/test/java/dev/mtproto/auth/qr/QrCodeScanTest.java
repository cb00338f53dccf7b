package dev.mtproto.auth.qr;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.auth.qr.ZxingDecoding.Decoded;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code we make is read back by ZXing: same bytes, same version, same level, no codeword corrected. */
class QrCodeScanTest {
    /** A login link as https://core.telegram.org/api/qr-login builds it: base64url of a 32-byte token. */
    static String loginLink(long seed) {
        byte[] token = new byte[32];
        new Random(seed).nextBytes(token);
        return "tg://login?token=" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static Stream<Arguments> inputs() {
        Random random = new Random(18004);
        List<Arguments> cases = new ArrayList<>();
        for (ErrorCorrection level : ErrorCorrection.values()) {
            cases.add(Arguments.of("empty", new byte[0], level));
            cases.add(Arguments.of("one byte", new byte[] {(byte) 0xA7}, level));
            cases.add(Arguments.of("login link", loginLink(1).getBytes(UTF_8), level));
            cases.add(Arguments.of("non-ASCII text", "Привет, мир! 你好 🚀 ünïcödé".getBytes(UTF_8), level));
            for (int length : new int[] {2, 17, 100, 500, 1273}) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                cases.add(Arguments.of(length + " random bytes", data, level));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("inputs")
    void zxingReadsWhatWasEncoded(String name, byte[] data, ErrorCorrection level) {
        QrCode code = QrCode.encode(data, level);
        Decoded decoded = ZxingDecoding.decode(code);

        assertThat(decoded.bytes()).isEqualTo(data);
        assertThat(decoded.level()).isEqualTo(level);
        assertThat(decoded.version()).isEqualTo(code.version());
        assertThat(decoded.errorsCorrected()).isZero();
        assertThat(code.size()).isEqualTo(4 * code.version() + 17);
        // The smallest version: the one before it would not have held the data.
        assertThat(data.length).isLessThanOrEqualTo(QrEncoder.byteCapacity(code.version(), level));
        if (code.version() > 1) {
            assertThat(data.length).isGreaterThan(QrEncoder.byteCapacity(code.version() - 1, level));
        }
    }

    @Test
    void textIsEncodedAsUtf8AtMedium() {
        String text = "Grüße aus Köln, 東京 и Москва";
        QrCode code = QrCode.encode(text);
        Decoded decoded = ZxingDecoding.decode(code);

        assertThat(decoded.text()).isEqualTo(text);
        assertThat(decoded.bytes()).isEqualTo(text.getBytes(UTF_8));
        assertThat(decoded.level()).isEqualTo(ErrorCorrection.MEDIUM);
        assertThat(code.errorCorrection()).isEqualTo(ErrorCorrection.MEDIUM);
    }

    @Test
    void aLoginLinkFitsVersion4AtMediumAndCarriesNoPadding() {
        String link = loginLink(7);
        assertThat(link).hasSize(17 + 43);
        QrCode code = QrCode.encode(link);
        Decoded decoded = ZxingDecoding.decode(code);

        assertThat(decoded.text()).isEqualTo(link);
        // 60 bytes: version 3-M holds 42, version 4-M holds 62.
        assertThat(code.version()).isEqualTo(4);
        assertThat(decoded.dataCodewords())
                .isEqualTo(QrEncoder.dataCodewords(link.getBytes(UTF_8), 4, BlockLayout.of(4, ErrorCorrection.MEDIUM)
                        .dataCodewords()));
    }

    /** Versions on both sides of the 8/16-bit character count switch (9/10), of 7 (version information), 1 and 40. */
    static Stream<Arguments> boundaries() {
        int[] versions = {1, 2, 6, 7, 9, 10, 14, 26, 27, 39, 40};
        List<Arguments> cases = new ArrayList<>();
        for (ErrorCorrection level : ErrorCorrection.values()) {
            for (int version : versions) {
                cases.add(Arguments.of(version, level));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "version {0} at {1}")
    @MethodSource("boundaries")
    void aFullVersionScansAndOneByteMoreTakesTheNextVersion(int version, ErrorCorrection level) {
        Random random = new Random(version * 31L + level.ordinal());
        int capacity = QrEncoder.byteCapacity(version, level);
        byte[] full = new byte[capacity];
        random.nextBytes(full);

        QrCode code = QrCode.encode(full, level);
        assertThat(code.version()).isEqualTo(version);
        Decoded decoded = ZxingDecoding.decode(code);
        assertThat(decoded.bytes()).isEqualTo(full);
        assertThat(decoded.version()).isEqualTo(version);
        assertThat(decoded.level()).isEqualTo(level);
        assertThat(decoded.errorsCorrected()).isZero();

        if (version < 40) {
            byte[] over = new byte[capacity + 1];
            random.nextBytes(over);
            QrCode bigger = QrCode.encode(over, level);
            assertThat(bigger.version()).isEqualTo(version + 1);
            Decoded decodedBigger = ZxingDecoding.decode(bigger);
            assertThat(decodedBigger.bytes()).isEqualTo(over);
            assertThat(decodedBigger.version()).isEqualTo(version + 1);
            assertThat(decodedBigger.errorsCorrected()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void aCameraAppFindsTheCodeInAPicture(ErrorCorrection level) {
        String link = loginLink(level.ordinal());
        QrCode code = QrCode.encode(link.getBytes(UTF_8), level);

        Decoded scanned = ZxingDecoding.scanPicture(ZxingDecoding.withQuietZone(code), 4);

        assertThat(scanned.text()).isEqualTo(link);
        assertThat(scanned.level()).isEqualTo(level);
        assertThat(scanned.errorsCorrected()).isZero();
    }

    @Test
    void theLargestCodeScansFromAPicture() {
        byte[] data = new byte[QrEncoder.byteCapacity(40, ErrorCorrection.LOW)];
        new Random(40).nextBytes(data);
        QrCode code = QrCode.encode(data, ErrorCorrection.LOW);
        assertThat(code.size()).isEqualTo(177);

        Decoded scanned = ZxingDecoding.scanPicture(ZxingDecoding.withQuietZone(code), 3);

        assertThat(scanned.bytes()).isEqualTo(data);
        assertThat(scanned.level()).isEqualTo(ErrorCorrection.LOW);
    }
}
