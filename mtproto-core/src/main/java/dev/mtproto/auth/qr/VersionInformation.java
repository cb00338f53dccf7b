package dev.mtproto.auth.qr;

/**
 * The 18 version information bits of versions 7 and up (ISO/IEC 18004, section 7.10): the version number,
 * BCH (18,6) protected, drawn as two 6x3 blocks beside the top-right and bottom-left finder patterns.
 */
final class VersionInformation {
    /** x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1. */
    private static final int GENERATOR = 0b1_1111_0010_0101;
    static final int FIRST_VERSION = 7;
    private static final int LENGTH = 18;

    private VersionInformation() {
    }

    /** The 18 bits for a version 7..40, bit 17 first. */
    static int bits(int version) {
        return BchCode.codeword(version, GENERATOR);
    }

    /**
     * Draws both copies for versions 7 and up (and nothing for smaller ones). Bit i sits at column
     * {@code i / 3}, row {@code size - 11 + i % 3} in the bottom-left block and transposed in the top-right.
     */
    static void draw(ModuleMatrix matrix, int version) {
        if (version < FIRST_VERSION) {
            return;
        }
        int bits = bits(version);
        int size = matrix.size();
        for (int i = 0; i < LENGTH; i++) {
            boolean dark = (bits >>> i & 1) != 0;
            int near = i / 3;
            int far = size - 11 + i % 3;
            matrix.setFunction(near, far, dark);
            matrix.setFunction(far, near, dark);
        }
    }
}
