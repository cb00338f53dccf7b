package dev.mtproto.auth.qr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable QR code symbol (ISO/IEC 18004 model 2): a square of dark and light modules.
 *
 * <p>{@link #encode(String)} and {@link #encode(byte[], ErrorCorrection)} put the data in one byte-mode
 * segment without an ECI header (a {@code tg://login?token=...} link is ASCII; for other text scanners
 * commonly detect UTF-8) in the smallest version 1..40 that holds it at the level, and pick the mask with
 * the lowest penalty. The quiet zone (4 light modules all around) is not part of the matrix;
 * renderers such as {@link UnicodeQr} add it.
 *
 * <p>{@code toString()} names the version, level and mask but never the data: a login token is a
 * credential.
 */
public final class QrCode {
    private final int version;
    private final ErrorCorrection errorCorrection;
    private final int mask;
    private final int size;
    private final boolean[] dark;

    QrCode(int version, ErrorCorrection errorCorrection, int mask, ModuleMatrix matrix) {
        this.version = version;
        this.errorCorrection = errorCorrection;
        this.mask = mask;
        this.size = matrix.size();
        this.dark = matrix.darkModules();
    }

    /**
     * Encodes text as its UTF-8 bytes at error correction {@link ErrorCorrection#MEDIUM}.
     *
     * @param text the text, for example a {@code tg://login?token=...} link
     * @return the smallest QR code that holds the text
     * @throws NullPointerException if {@code text} is null
     * @throws QrCodeTooLongException if the UTF-8 bytes do not fit in version 40 (2331 bytes at this level)
     */
    public static QrCode encode(String text) {
        Objects.requireNonNull(text, "text");
        return encode(text.getBytes(StandardCharsets.UTF_8), ErrorCorrection.MEDIUM);
    }

    /**
     * Encodes bytes at the given error correction level.
     *
     * @param data the bytes; empty is allowed
     * @param level the error correction level
     * @return the smallest QR code that holds the bytes at that level
     * @throws NullPointerException if {@code data} or {@code level} is null
     * @throws QrCodeTooLongException if the bytes do not fit in version 40 at that level (2953, 2331, 1663
     *     and 1273 bytes fit at LOW, MEDIUM, QUARTILE and HIGH)
     */
    public static QrCode encode(byte[] data, ErrorCorrection level) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(level, "level");
        return QrEncoder.encode(data, level);
    }

    /**
     * The number of modules along each side: {@code 4 * version + 17}, without the quiet zone.
     *
     * @return 21 to 177
     */
    public int size() {
        return size;
    }

    /**
     * Whether a module is dark.
     *
     * @param x the column, 0 at the left
     * @param y the row, 0 at the top
     * @return true for a dark module, false for a light one
     * @throws IndexOutOfBoundsException if {@code x} or {@code y} is outside {@code 0..size()-1}
     */
    public boolean isDark(int x, int y) {
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new IndexOutOfBoundsException(
                    "module (" + x + ", " + y + ") is outside a " + size + "x" + size + " QR code");
        }
        return dark[y * size + x];
    }

    /**
     * The version, which fixes the size.
     *
     * @return 1 to 40
     */
    public int version() {
        return version;
    }

    /**
     * The error correction level the code was made with.
     *
     * @return the level
     */
    public ErrorCorrection errorCorrection() {
        return errorCorrection;
    }

    /**
     * The data mask that was applied (the one with the lowest penalty).
     *
     * @return 0 to 7
     */
    public int mask() {
        return mask;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrCode other && version == other.version && mask == other.mask
                && errorCorrection == other.errorCorrection && Arrays.equals(dark, other.dark);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, errorCorrection, mask, Arrays.hashCode(dark));
    }

    @Override
    public String toString() {
        return "QrCode[version=" + version + ", errorCorrection=" + errorCorrection + ", mask=" + mask
                + ", size=" + size + "]";
    }
}
