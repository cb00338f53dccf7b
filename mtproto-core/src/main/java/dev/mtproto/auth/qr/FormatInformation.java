package dev.mtproto.auth.qr;

/**
 * The 15 format information bits (ISO/IEC 18004, section 7.9.1): the error correction level and the mask
 * number, BCH (15,5) protected and XORed with 101010000010010, drawn twice beside the finder patterns.
 */
final class FormatInformation {
    /** x^10 + x^8 + x^5 + x^4 + x^2 + x + 1. */
    private static final int GENERATOR = 0b101_0011_0111;
    private static final int XOR_MASK = 0b101_0100_0001_0010;
    static final int LENGTH = 15;

    private FormatInformation() {
    }

    /** The 15 bits for a level and a mask number 0..7, bit 14 first. */
    static int bits(ErrorCorrection level, int mask) {
        return BchCode.codeword(level.formatBits() << 3 | mask, GENERATOR) ^ XOR_MASK;
    }

    /**
     * Draws both copies of the format information as function modules; bit 0 is the least significant.
     * The first copy runs down column 8 from the top and then left along row 8, skipping the timing
     * patterns; the second puts bits 0..7 along row 8 from the right edge and bits 8..14 down column 8 to
     * the bottom edge.
     */
    static void draw(ModuleMatrix matrix, int bits) {
        int size = matrix.size();
        for (int i = 0; i < LENGTH; i++) {
            boolean dark = (bits >>> i & 1) != 0;
            if (i < 6) {
                matrix.setFunction(8, i, dark);
            } else if (i < 8) {
                matrix.setFunction(8, i + 1, dark);
            } else if (i == 8) {
                matrix.setFunction(7, 8, dark);
            } else {
                matrix.setFunction(14 - i, 8, dark);
            }
            if (i < 8) {
                matrix.setFunction(size - 1 - i, 8, dark);
            } else {
                matrix.setFunction(8, size - LENGTH + i, dark);
            }
        }
    }
}
