package dev.mtproto.auth.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReedSolomonEncoderTest {
    @Test
    void reproducesTheStandardsWorkedExample() {
        // ISO/IEC 18004, Annex I: "01234567" in numeric mode, version 1-M: 16 data and 10 EC codewords.
        byte[] data = HexFormat.of().parseHex("10200c566180ec11ec11ec11ec11ec11");
        assertThat(data).hasSize(16);
        byte[] ec = new ReedSolomonEncoder(10).errorCorrection(data);
        assertThat(HexFormat.of().formatHex(ec)).isEqualTo("a524d4c1ed36c7872c55");
    }

    @Test
    void everyCodewordIsAMultipleOfTheGenerator() {
        // A codeword c(x) = d(x) x^n + r(x) is divisible by (x - alpha^i) for i < n: c(alpha^i) = 0.
        Random random = new Random(255);
        for (int degree : new int[] {7, 10, 13, 17, 22, 28, 30}) {
            ReedSolomonEncoder encoder = new ReedSolomonEncoder(degree);
            byte[] data = new byte[1 + random.nextInt(120)];
            random.nextBytes(data);
            byte[] ec = encoder.errorCorrection(data);
            assertThat(ec).hasSize(degree);
            for (int i = 0; i < degree; i++) {
                assertThat(evaluate(data, ec, GaloisField256.alphaPower(i))).as("degree %d, root %d", degree, i).isZero();
            }
        }
    }

    @Test
    void refusesADegreeTheFieldCannotHave() {
        assertThatThrownBy(() -> new ReedSolomonEncoder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new ReedSolomonEncoder(255)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
    }

    @Test
    void fieldArithmeticFollowsThePrimitivePolynomial() {
        assertThat(GaloisField256.alphaPower(8)).isEqualTo(0x1D); // x^8 = x^4 + x^3 + x^2 + 1
        assertThat(GaloisField256.alphaPower(255)).isEqualTo(1);
        assertThat(GaloisField256.multiply(0x80, 2)).isEqualTo(0x1D);
        assertThat(GaloisField256.multiply(0, 0x53)).isZero();
        for (int a = 1; a < 256; a++) {
            // Every non-zero element has an inverse: a * a^254 = 1.
            int inverse = 1;
            for (int i = 0; i < 254; i++) {
                inverse = GaloisField256.multiply(inverse, a);
            }
            assertThat(GaloisField256.multiply(a, inverse)).as("a=%d", a).isEqualTo(1);
        }
    }

    /** The polynomial with the data then the EC codewords as coefficients, highest degree first, at x. */
    private static int evaluate(byte[] data, byte[] ec, int x) {
        int value = 0;
        for (byte b : data) {
            value = GaloisField256.multiply(value, x) ^ (b & 0xFF);
        }
        for (byte b : ec) {
            value = GaloisField256.multiply(value, x) ^ (b & 0xFF);
        }
        return value;
    }
}
