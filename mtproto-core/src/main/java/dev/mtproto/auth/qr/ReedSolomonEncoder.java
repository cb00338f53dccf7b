package dev.mtproto.auth.qr;

/**
 * Computes the error correction codewords of one block (ISO/IEC 18004, section 7.5.2): the remainder of
 * the data polynomial times x^n divided by the generator polynomial (x - alpha^0)(x - alpha^1)...(x - alpha^(n-1))
 * over {@link GaloisField256}.
 */
final class ReedSolomonEncoder {
    /** The generator's coefficients, highest degree first; the leading coefficient is 1. */
    private final int[] generator;

    /**
     * Creates an encoder that appends {@code degree} error correction codewords.
     *
     * @throws IllegalArgumentException if {@code degree} is outside 1..254
     */
    ReedSolomonEncoder(int degree) {
        if (degree < 1 || degree > 254) {
            throw new IllegalArgumentException("Reed-Solomon degree must be 1..254, not " + degree);
        }
        int[] poly = {1};
        for (int i = 0; i < degree; i++) {
            poly = timesLinear(poly, GaloisField256.alphaPower(i));
        }
        this.generator = poly;
    }

    /** {@code poly * (x + root)}; in this field minus and plus are the same. */
    private static int[] timesLinear(int[] poly, int root) {
        int[] product = new int[poly.length + 1];
        for (int i = 0; i < product.length; i++) {
            int shifted = i < poly.length ? poly[i] : 0;
            int scaled = i > 0 ? GaloisField256.multiply(root, poly[i - 1]) : 0;
            product[i] = shifted ^ scaled;
        }
        return product;
    }

    /** The number of error correction codewords per block. */
    int degree() {
        return generator.length - 1;
    }

    /**
     * The error correction codewords for a block of data codewords.
     *
     * @param data the block's data codewords
     * @return {@link #degree()} codewords, to be sent after the data
     */
    byte[] errorCorrection(byte[] data) {
        int degree = degree();
        int[] remainder = new int[degree];
        for (byte codeword : data) {
            int factor = (codeword & 0xFF) ^ remainder[0];
            System.arraycopy(remainder, 1, remainder, 0, degree - 1);
            remainder[degree - 1] = 0;
            for (int i = 0; i < degree; i++) {
                remainder[i] ^= GaloisField256.multiply(generator[i + 1], factor);
            }
        }
        byte[] out = new byte[degree];
        for (int i = 0; i < degree; i++) {
            out[i] = (byte) remainder[i];
        }
        return out;
    }
}
