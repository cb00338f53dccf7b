package dev.mtproto.crypto;

import java.math.BigInteger;

/**
 * The two prime factors of the key exchange's {@code pq}, with {@code p < q}.
 *
 * @param p the smaller prime
 * @param q the larger prime
 */
public record PqFactors(long p, long q) {
    /**
     * Returns {@code p} as the big-endian bytes without leading zeros that {@code p_q_inner_data}
     * carries in its {@code p:string} field.
     *
     * @return a new array
     */
    public byte[] pBytes() {
        return BigEndianNumbers.toMinimalBigEndian(BigInteger.valueOf(p));
    }

    /**
     * Returns {@code q} as big-endian bytes without leading zeros.
     *
     * @return a new array
     */
    public byte[] qBytes() {
        return BigEndianNumbers.toMinimalBigEndian(BigInteger.valueOf(q));
    }
}
