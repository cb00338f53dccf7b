package dev.mtproto.auth.qr;

/**
 * Arithmetic in GF(2^8) as QR codes use it: elements are bytes, addition is XOR, and multiplication is
 * modulo the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), whose root alpha = 2 generates the
 * field (ISO/IEC 18004, section 7.5.2).
 */
final class GaloisField256 {
    private static final int PRIMITIVE_POLYNOMIAL = 0x11D;
    private static final int ORDER = 255;

    /** alpha^i for i in 0..509, twice around so that a sum of two logarithms needs no reduction. */
    private static final int[] EXP = new int[2 * ORDER];
    /** log_alpha(x) for x in 1..255; LOG[0] is unused. */
    private static final int[] LOG = new int[256];

    static {
        int x = 1;
        for (int i = 0; i < ORDER; i++) {
            EXP[i] = x;
            EXP[i + ORDER] = x;
            LOG[x] = i;
            x <<= 1;
            if (x > 0xFF) {
                x ^= PRIMITIVE_POLYNOMIAL;
            }
        }
    }

    private GaloisField256() {
    }

    /** The product of two field elements (each 0..255). */
    static int multiply(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return EXP[LOG[a] + LOG[b]];
    }

    /** alpha raised to a non-negative power. */
    static int alphaPower(int exponent) {
        return EXP[exponent % ORDER];
    }
}
