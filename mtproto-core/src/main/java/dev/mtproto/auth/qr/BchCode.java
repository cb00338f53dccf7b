package dev.mtproto.auth.qr;

/**
 * The BCH codes that protect the format information (15,5) and the version information (18,6): the data
 * bits followed by the remainder of their division by a generator polynomial over GF(2) (ISO/IEC 18004,
 * Annexes C and D).
 */
final class BchCode {
    private BchCode() {
    }

    /**
     * {@code data} shifted left by the generator's degree, with the remainder in the low bits.
     *
     * @param data the data bits
     * @param generator the generator polynomial, bit i the coefficient of x^i
     */
    static int codeword(int data, int generator) {
        int degree = 31 - Integer.numberOfLeadingZeros(generator);
        int remainder = data << degree;
        for (int bit = 31 - Integer.numberOfLeadingZeros(remainder); bit >= degree; bit--) {
            if ((remainder >>> bit & 1) != 0) {
                remainder ^= generator << (bit - degree);
            }
        }
        return data << degree | remainder;
    }
}
