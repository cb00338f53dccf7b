package dev.mtproto.keyexchange;

import dev.mtproto.crypto.PqFactors;
import dev.mtproto.crypto.RandomSource;
import java.math.BigInteger;

/**
 * The server's proof-of-work challenge: two distinct random primes in {@code [2^30, 3037000499]}, so that
 * {@code pq} has 61..63 bits and stays below 2^63 (3037000499 is the integer square root of 2^63 - 1).
 */
final class RandomPq {
    static final long MIN_FACTOR = 1L << 30;
    static final long MAX_FACTOR = 3_037_000_499L;
    private static final BigInteger RANGE = BigInteger.valueOf(MAX_FACTOR - MIN_FACTOR + 1);
    private static final int MAX_ATTEMPTS = 64;

    private RandomPq() {
    }

    /**
     * Draws the two primes.
     *
     * @throws IllegalStateException if the random source keeps giving unusable values (it is broken)
     */
    static PqFactors generate(RandomSource random) {
        long first = randomPrime(random);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long second = randomPrime(random);
            if (second != first) {
                return new PqFactors(Math.min(first, second), Math.max(first, second));
            }
        }
        throw new IllegalStateException("the random source gave the same prime " + MAX_ATTEMPTS + " times");
    }

    private static long randomPrime(RandomSource random) {
        byte[] bytes = new byte[8];
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            random.nextBytes(bytes, 0, bytes.length);
            long start = new BigInteger(1, bytes).mod(RANGE).longValue() + MIN_FACTOR;
            long prime = BigInteger.valueOf(start).nextProbablePrime().longValueExact();
            if (prime <= MAX_FACTOR) {
                return prime;
            }
        }
        throw new IllegalStateException("the random source gave no prime below " + MAX_FACTOR + " in "
                + MAX_ATTEMPTS + " attempts");
    }
}
