package dev.mtproto.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Splits the key exchange's {@code pq} (a product of two distinct odd primes below 2^63) into its
 * factors, with Pollard's rho in Brent's variant over Montgomery arithmetic. Deterministic: the same
 * {@code pq} always takes the same steps. A product of two 31-bit primes takes well under a millisecond.
 */
public final class PqFactorizer {
    private static final int[] WITNESSES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
    private static final int BATCH = 128;
    private static final int MAX_POLYNOMIALS = 64;

    private PqFactorizer() {
    }

    /**
     * Factors {@code pq} given as the big-endian bytes of the {@code resPQ.pq} string.
     *
     * @param pqBigEndian 1..8 big-endian bytes
     * @return the factors, {@code p < q}
     * @throws SecurityCheckException if the value is not below 2^63 or is not a product of two distinct
     *     odd primes
     */
    public static PqFactors factorize(byte[] pqBigEndian) {
        Objects.requireNonNull(pqBigEndian, "pqBigEndian");
        BigInteger value = new BigInteger(1, pqBigEndian);
        if (pqBigEndian.length == 0 || value.bitLength() > 63) {
            throw new SecurityCheckException("pq is not a positive number below 2^63");
        }
        return factorize(value.longValueExact());
    }

    /**
     * Factors {@code pq}.
     *
     * @param pq the product, {@code 15 <= pq < 2^63}
     * @return the factors, {@code p < q}
     * @throws SecurityCheckException if {@code pq} is not a product of two distinct odd primes
     */
    public static PqFactors factorize(long pq) {
        if (pq < 15 || (pq & 1) == 0) {
            throw new SecurityCheckException("pq " + pq + " is not a product of two distinct odd primes");
        }
        if (isPrime(pq)) {
            throw new SecurityCheckException("pq " + pq + " is prime, not a product of two primes");
        }
        long factor = findFactor(pq);
        long p = Math.min(factor, pq / factor);
        long q = Math.max(factor, pq / factor);
        if (p * q != pq || p == q || !isPrime(p) || !isPrime(q)) {
            throw new SecurityCheckException("pq " + pq + " is not a product of two distinct odd primes");
        }
        return new PqFactors(p, q);
    }

    /** Finds a non-trivial factor of the odd composite {@code n}. */
    private static long findFactor(long n) {
        Montgomery m = new Montgomery(n);
        for (long c = 1; c <= MAX_POLYNOMIALS; c++) {
            long factor = brent(m, n, m.toMontgomery(c % n), m.toMontgomery(2));
            if (factor != 1 && factor != n) {
                return factor;
            }
        }
        // Not reached for products of two primes; a last, slow resort keeps the method total.
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return d;
            }
        }
        return n;
    }

    /**
     * Brent's cycle finding on y -> y^2 + c (in Montgomery form), multiplying |x - y| values together and
     * taking one gcd per batch.
     */
    private static long brent(Montgomery m, long n, long c, long start) {
        long y = start;
        long x = start;
        long ys = start;
        long product = m.one;
        long g = 1;
        for (long r = 1; g == 1; r <<= 1) {
            x = y;
            for (long i = 0; i < r; i++) {
                y = m.square(y, c);
            }
            for (long k = 0; k < r && g == 1; k += BATCH) {
                ys = y;
                long steps = Math.min(BATCH, r - k);
                for (long i = 0; i < steps; i++) {
                    y = m.square(y, c);
                    product = m.multiply(product, Math.abs(x - y));
                }
                g = gcd(product, n);
            }
            if (r > (1L << 40)) {
                return n;
            }
        }
        if (g == n) {
            // The batch overshot: step back through it one value at a time.
            do {
                ys = m.square(ys, c);
                g = gcd(Math.abs(x - ys), n);
            } while (g == 1);
        }
        return g;
    }

    private static long gcd(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        int shift = Long.numberOfTrailingZeros(a | b);
        a >>>= Long.numberOfTrailingZeros(a);
        while (b != 0) {
            b >>>= Long.numberOfTrailingZeros(b);
            if (a > b) {
                long t = a;
                a = b;
                b = t;
            }
            b -= a;
        }
        return a << shift;
    }

    /** Deterministic Miller-Rabin for 64-bit numbers. */
    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (int w : WITNESSES) {
            if (n % w == 0) {
                return n == w;
            }
        }
        BigInteger big = BigInteger.valueOf(n);
        BigInteger nMinusOne = big.subtract(BigInteger.ONE);
        int s = nMinusOne.getLowestSetBit();
        BigInteger d = nMinusOne.shiftRight(s);
        for (int w : WITNESSES) {
            BigInteger x = BigInteger.valueOf(w).modPow(d, big);
            if (x.equals(BigInteger.ONE) || x.equals(nMinusOne)) {
                continue;
            }
            boolean composite = true;
            for (int i = 1; i < s; i++) {
                x = x.multiply(x).mod(big);
                if (x.equals(nMinusOne)) {
                    composite = false;
                    break;
                }
            }
            if (composite) {
                return false;
            }
        }
        return true;
    }

    /** Montgomery multiplication modulo an odd n below 2^63, with R = 2^64. */
    private static final class Montgomery {
        final long n;
        final long nPrime;
        final long one;

        Montgomery(long n) {
            this.n = n;
            long inverse = n; // correct to 3 bits for odd n; each Newton step doubles the correct bits
            for (int i = 0; i < 5; i++) {
                inverse *= 2 - n * inverse;
            }
            this.nPrime = -inverse;
            this.one = toMontgomery(1);
        }

        long toMontgomery(long value) {
            return BigInteger.valueOf(value).shiftLeft(64).mod(BigInteger.valueOf(n)).longValue();
        }

        /** Returns a * b / R mod n for a, b < n. */
        long multiply(long a, long b) {
            long lo = a * b;
            long hi = Math.multiplyHigh(a, b); // a, b >= 0, so the signed high half is the unsigned one
            long t = lo * nPrime;
            long tnHigh = Math.multiplyHigh(t, n) + ((t >> 63) & n); // unsigned high half of t * n
            long result = hi + tnHigh + (lo != 0 ? 1 : 0);
            return Long.compareUnsigned(result, n) >= 0 ? result - n : result;
        }

        /** Returns y^2 + c in Montgomery form. */
        long square(long y, long c) {
            long s = multiply(y, y) + c;
            return Long.compareUnsigned(s, n) >= 0 ? s - n : s;
        }
    }
}
