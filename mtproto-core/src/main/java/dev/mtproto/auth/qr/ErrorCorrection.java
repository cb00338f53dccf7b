package dev.mtproto.auth.qr;

/**
 * The four error correction levels of a QR code (ISO/IEC 18004, section 5.3.8): how much of the symbol may
 * be damaged or unreadable while it still decodes. A higher level leaves fewer bytes for data.
 */
public enum ErrorCorrection {
    /** About 7% of the codewords can be restored. */
    LOW(0b01),
    /** About 15% of the codewords can be restored; the usual choice, and the default of {@link QrCode#encode(String)}. */
    MEDIUM(0b00),
    /** About 25% of the codewords can be restored. */
    QUARTILE(0b11),
    /** About 30% of the codewords can be restored. */
    HIGH(0b10);

    private final int formatBits;

    ErrorCorrection(int formatBits) {
        this.formatBits = formatBits;
    }

    /** The two bits that name this level in the format information (L = 01, M = 00, Q = 11, H = 10). */
    int formatBits() {
        return formatBits;
    }
}
