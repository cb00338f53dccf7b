package dev.mtproto.auth.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our tables and symbols against ZXing's, which were written independently from the same standard. The
 * decoder tests cannot see everything: a decoder forgives a few wrong format bits, reads only one copy of
 * the version information, and corrects codeword errors. Module-for-module equality with another encoder
 * at the same version, level and mask shows that both copies of the format and version information, every
 * function pattern and every data module are where ISO/IEC 18004 puts them.
 */
class ZxingReferenceTest {
    static IntStream versions() {
        return IntStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "version {0}")
    @MethodSource("versions")
    void blockStructureAndAlignmentCentresMatchZxingsTables(int version) {
        Version reference = Version.getVersionForNumber(version);
        assertThat(FunctionPatterns.size(version)).isEqualTo(reference.getDimensionForVersion());
        assertThat(FunctionPatterns.alignmentCenters(version)).isEqualTo(reference.getAlignmentPatternCenters());
        for (ErrorCorrection level : ErrorCorrection.values()) {
            Version.ECBlocks blocks = reference.getECBlocksForLevel(ZxingDecoding.zxingLevel(level));
            BlockLayout layout = BlockLayout.of(version, level);
            int referenceData = Arrays.stream(blocks.getECBlocks()).mapToInt(b -> b.getCount() * b.getDataCodewords())
                    .sum();
            assertThat(layout.totalCodewords()).as("total codewords").isEqualTo(reference.getTotalCodewords());
            assertThat(layout.blockCount()).as("blocks at %s", level).isEqualTo(blocks.getNumBlocks());
            assertThat(layout.ecCodewordsPerBlock()).as("EC codewords at %s", level)
                    .isEqualTo(blocks.getECCodewordsPerBlock());
            assertThat(layout.dataCodewords()).as("data codewords at %s", level).isEqualTo(referenceData);
        }
    }

    static Stream<Arguments> symbols() {
        List<Arguments> cases = new ArrayList<>();
        Random random = new Random(5);
        for (int version : new int[] {1, 2, 6, 7, 10, 21, 32, 40}) {
            for (ErrorCorrection level : ErrorCorrection.values()) {
                byte[] data = new byte[Math.max(3, QrEncoder.byteCapacity(version, level) - random.nextInt(3))];
                random.nextBytes(data);
                data[0] = 'q'; // a lower-case letter keeps ZXing in byte mode
                cases.add(Arguments.of(version, level, data));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "version {0} at {1}")
    @MethodSource("symbols")
    void everyMaskGivesZxingsSymbolModuleForModule(int version, ErrorCorrection level, byte[] data)
            throws WriterException {
        ModuleMatrix unmasked = FunctionPatterns.draw(version);
        BlockLayout layout = BlockLayout.of(version, level);
        DataPlacement.place(unmasked, layout.interleave(QrEncoder.dataCodewords(data, version, layout.dataCodewords())));
        for (int mask = 0; mask < DataMask.COUNT; mask++) {
            QRCode reference = zxing(data, level, Map.of(EncodeHintType.QR_VERSION, version,
                    EncodeHintType.QR_MASK_PATTERN, mask));
            ModuleMatrix ours = QrEncoder.masked(unmasked, level, mask);
            assertThat(reference.getVersion().getVersionNumber()).isEqualTo(version);
            assertThat(render(ours)).as("mask %d", mask).isEqualTo(render(reference.getMatrix()));
        }
    }

    @ParameterizedTest(name = "version {0} at {1}")
    @MethodSource("symbols")
    void theChosenMaskAndVersionAreZxingsToo(int version, ErrorCorrection level, byte[] data) throws WriterException {
        QRCode reference = zxing(data, level, Map.of());
        QrCode ours = QrCode.encode(data, level);

        assertThat(ours.version()).isEqualTo(reference.getVersion().getVersionNumber());
        assertThat(ours.mask()).isEqualTo(reference.getMaskPattern());
        assertThat(render(ours)).isEqualTo(render(reference.getMatrix()));
    }

    @Test
    void theLoginLinkIsZxingsSymbolToo() throws WriterException {
        byte[] link = QrCodeScanTest.loginLink(3).getBytes(StandardCharsets.UTF_8);
        QRCode reference = zxing(link, ErrorCorrection.MEDIUM, Map.of());
        assertThat(render(QrCode.encode(new String(link, StandardCharsets.UTF_8)))).isEqualTo(render(reference.getMatrix()));
    }

    /** ZXing's symbol for the bytes in byte mode, with no ECI (the bytes pass through ISO-8859-1 unchanged). */
    private static QRCode zxing(byte[] data, ErrorCorrection level, Map<EncodeHintType, ?> hints)
            throws WriterException {
        QRCode reference = Encoder.encode(new String(data, StandardCharsets.ISO_8859_1),
                ZxingDecoding.zxingLevel(level), hints);
        assertThat(reference.getMode()).isEqualTo(Mode.BYTE);
        return reference;
    }

    /** Rows of '#' and '.', so that a failure shows where the symbols differ. */
    private static String render(ModuleMatrix matrix) {
        return render(matrix.size(), matrix::isDark);
    }

    private static String render(QrCode code) {
        return render(code.size(), code::isDark);
    }

    private static String render(ByteMatrix matrix) {
        return render(matrix.getWidth(), (x, y) -> matrix.get(x, y) == 1);
    }

    private interface Modules {
        boolean isDark(int x, int y);
    }

    private static String render(int size, Modules modules) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                out.append(modules.isDark(x, y) ? '#' : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
