package dev.mtproto.auth.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * ZXing as an independent decoder: a {@link QrCode} goes in as modules or as a picture, and what ZXing
 * reads comes out. Nothing here shares code with the encoder under test.
 */
final class ZxingDecoding {
    private static final Map<DecodeHintType, Object> UTF_8 = Map.of(DecodeHintType.CHARACTER_SET, "UTF-8");

    private ZxingDecoding() {
    }

    /**
     * What ZXing decoded.
     *
     * @param bytes the contents of every byte segment, concatenated
     * @param text the text, byte segments read as UTF-8
     * @param level the error correction level of the format information
     * @param version the version ZXing read (from the size, checked against the version information from 7 on)
     * @param dataCodewords the data codewords after de-interleaving and error correction
     * @param errorsCorrected how many codewords ZXing had to correct (0 for a perfect symbol)
     */
    record Decoded(byte[] bytes, String text, ErrorCorrection level, int version, byte[] dataCodewords,
            int errorsCorrected) {
    }

    /** The modules of {@code code} as a ZXing matrix, without quiet zone. */
    static BitMatrix toBitMatrix(QrCode code) {
        BitMatrix bits = new BitMatrix(code.size());
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                if (code.isDark(x, y)) {
                    bits.set(x, y);
                }
            }
        }
        return bits;
    }

    /** The modules of {@code code} with the 4-module light quiet zone around them, {@code [y][x]} true for dark. */
    static boolean[][] withQuietZone(QrCode code) {
        int quiet = UnicodeQr.QUIET_ZONE;
        boolean[][] modules = new boolean[code.size() + 2 * quiet][code.size() + 2 * quiet];
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                modules[y + quiet][x + quiet] = code.isDark(x, y);
            }
        }
        return modules;
    }

    /**
     * Decodes the exact module grid with ZXing's QR {@link Decoder}.
     *
     * @throws AssertionError if ZXing cannot decode it, or only as a mirror image (x and y swapped)
     */
    static Decoded decode(QrCode code) {
        BitMatrix bits = toBitMatrix(code);
        try {
            DecoderResult result = new Decoder().decode(bits, UTF_8);
            if (result.getOther() != null) {
                throw new AssertionError("ZXing decoded the code only mirrored: " + result.getOther());
            }
            int version = Version.getProvisionalVersionForDimension(bits.getHeight()).getVersionNumber();
            return new Decoded(concat(result.getByteSegments()), result.getText(), level(result.getECLevel()),
                    version, result.getRawBytes(), result.getErrorsCorrected());
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("ZXing could not decode a version " + code.version() + " code", e);
        }
    }

    /**
     * Scans a picture of modules the way a camera app does: ZXing locates the finder patterns itself.
     *
     * @param modules the modules, quiet zone included, {@code modules[y][x]} true for dark
     * @param scale pixels per module
     * @return the bytes of the byte segments and the level
     * @throws AssertionError if ZXing finds no code or cannot decode it
     */
    static Decoded scanPicture(boolean[][] modules, int scale) {
        int side = modules.length * scale;
        int[] pixels = new int[side * side];
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                pixels[py * side + px] = modules[py / scale][px / scale] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        try {
            Result result = new QRCodeReader().decode(bitmap, UTF_8);
            Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
            @SuppressWarnings("unchecked")
            List<byte[]> segments = (List<byte[]>) metadata.get(ResultMetadataType.BYTE_SEGMENTS);
            Object errors = metadata.getOrDefault(ResultMetadataType.ERRORS_CORRECTED, 0);
            return new Decoded(concat(segments), result.getText(),
                    level((String) metadata.get(ResultMetadataType.ERROR_CORRECTION_LEVEL)), -1,
                    result.getRawBytes(), (Integer) errors);
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("ZXing found no readable QR code in the picture", e);
        }
    }

    /** Our level for ZXing's. */
    static ErrorCorrection level(ErrorCorrectionLevel level) {
        return switch (level) {
            case L -> ErrorCorrection.LOW;
            case M -> ErrorCorrection.MEDIUM;
            case Q -> ErrorCorrection.QUARTILE;
            case H -> ErrorCorrection.HIGH;
        };
    }

    /** ZXing's level for ours. */
    static ErrorCorrectionLevel zxingLevel(ErrorCorrection level) {
        return switch (level) {
            case LOW -> ErrorCorrectionLevel.L;
            case MEDIUM -> ErrorCorrectionLevel.M;
            case QUARTILE -> ErrorCorrectionLevel.Q;
            case HIGH -> ErrorCorrectionLevel.H;
        };
    }

    private static ErrorCorrection level(String name) {
        return level(ErrorCorrectionLevel.valueOf(name));
    }

    private static byte[] concat(List<byte[]> segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (segments != null) {
            segments.forEach(out::writeBytes);
        }
        return out.toByteArray();
    }
}
