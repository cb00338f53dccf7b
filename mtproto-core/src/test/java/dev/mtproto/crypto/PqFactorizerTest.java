package dev.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PqFactorizerTest {

    @Test
    void factorsRandomProductsOfTwo31BitPrimesQuickly() {
        Random random = new Random(31);
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            long a = BigInteger.probablePrime(31, random).longValueExact();
            long b = BigInteger.probablePrime(31 + random.nextInt(2), random).longValueExact();
            if (a == b) {
                continue;
            }
            PqFactors f = PqFactorizer.factorize(a * b);
            assertThat(f.p()).isEqualTo(Math.min(a, b));
            assertThat(f.q()).isEqualTo(Math.max(a, b));
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).as("300 factorizations").isLessThan(20_000);
    }

    @Test
    void factorsUnbalancedAndLargeProducts() {
        long p = 3;
        long q = 3074457345618258599L; // prime; 3 * q < 2^63
        assertThat(PqFactorizer.isPrime(q)).isTrue();
        assertThat(PqFactorizer.factorize(p * q)).isEqualTo(new PqFactors(p, q));
        assertThat(PqFactorizer.factorize(15)).isEqualTo(new PqFactors(3, 5));
        long big1 = 3037000493L; // two primes just below sqrt(2^63)
        long big2 = 3037000453L;
        assertThat(PqFactorizer.factorize(big1 * big2)).isEqualTo(new PqFactors(big2, big1));
    }

    @Test
    void isDeterministic() {
        long pq = 1786331737L * 1880278339L;
        assertThat(PqFactorizer.factorize(pq)).isEqualTo(PqFactorizer.factorize(pq));
    }

    @Test
    void rejectsNumbersThatAreNotProductsOfTwoDistinctOddPrimes() {
        assertThatThrownBy(() -> PqFactorizer.factorize(1786331737L * 2))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("two distinct odd primes");
        assertThatThrownBy(() -> PqFactorizer.factorize(1880278339L))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("is prime");
        assertThatThrownBy(() -> PqFactorizer.factorize(1786331737L * 1786331737L))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("two distinct odd primes");
        assertThatThrownBy(() -> PqFactorizer.factorize(3L * 5 * 7 * 1786331737L))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("two distinct odd primes");
        assertThatThrownBy(() -> PqFactorizer.factorize(9))
                .isInstanceOf(SecurityCheckException.class);
        assertThatThrownBy(() -> PqFactorizer.factorize(-15))
                .isInstanceOf(SecurityCheckException.class);
        assertThatThrownBy(() -> PqFactorizer.factorize(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 1}))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("below 2^63");
        assertThatThrownBy(() -> PqFactorizer.factorize(new byte[9]))
                .isInstanceOf(SecurityCheckException.class);
        assertThatThrownBy(() -> PqFactorizer.factorize(new byte[0]))
                .isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void millerRabinAgreesWithBigInteger() {
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            long n = random.nextLong() >>> 1;
            assertThat(PqFactorizer.isPrime(n)).isEqualTo(BigInteger.valueOf(n).isProbablePrime(60));
        }
        assertThat(PqFactorizer.isPrime(3215031751L)).isFalse(); // strong pseudoprime to bases 2, 3, 5, 7
    }
}
