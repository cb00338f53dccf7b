package dev.mtproto.auth.qr;

import dev.mtproto.MtprotoException;

/**
 * Thrown when data does not fit in the largest QR code (version 40) at the requested error correction
 * level. The message says how many bytes were given and how many fit; it never shows the data itself.
 */
public final class QrCodeTooLongException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** The length of the refused data, in bytes. */
    private final int length;
    /** The byte capacity of version 40 at {@link #level}. */
    private final int maxLength;
    /** The error correction level that was asked for. */
    private final ErrorCorrection level;

    /**
     * Creates the exception.
     *
     * @param length how many bytes were to be encoded
     * @param maxLength how many bytes fit in version 40 at {@code level}
     * @param level the error correction level that was asked for
     */
    public QrCodeTooLongException(int length, int maxLength, ErrorCorrection level) {
        super("data of " + length + " bytes does not fit in a QR code: at most " + maxLength
                + " bytes fit at error correction " + level + " (version 40)");
        this.length = length;
        this.maxLength = maxLength;
        this.level = level;
    }

    /**
     * How many bytes were to be encoded.
     *
     * @return the length of the refused data
     */
    public int length() {
        return length;
    }

    /**
     * How many bytes fit in the largest QR code at {@link #level()}.
     *
     * @return the byte-mode capacity of version 40 at that level
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The error correction level that was asked for.
     *
     * @return the level
     */
    public ErrorCorrection level() {
        return level;
    }
}
