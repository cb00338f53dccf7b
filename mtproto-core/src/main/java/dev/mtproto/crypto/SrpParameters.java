package dev.mtproto.crypto;

import java.util.Objects;

/**
 * What the server sends for a 2FA password check ({@code account.password} with the algorithm
 * {@code passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow}): {@code srp_id},
 * {@code salt1}, {@code salt2}, {@code g}, {@code p} and {@code srp_B}. Immutable; arrays are copied in
 * and out.
 */
public final class SrpParameters {
    private final long srpId;
    private final byte[] salt1;
    private final byte[] salt2;
    private final int g;
    private final byte[] p;
    private final byte[] srpB;

    /**
     * Collects the parameters.
     *
     * @param srpId {@code account.password.srp_id}
     * @param salt1 {@code current_algo.salt1}
     * @param salt2 {@code current_algo.salt2}
     * @param g {@code current_algo.g}
     * @param p {@code current_algo.p}, big-endian
     * @param srpB {@code account.password.srp_B}, big-endian
     */
    public SrpParameters(long srpId, byte[] salt1, byte[] salt2, int g, byte[] p, byte[] srpB) {
        this.srpId = srpId;
        this.salt1 = Objects.requireNonNull(salt1, "salt1").clone();
        this.salt2 = Objects.requireNonNull(salt2, "salt2").clone();
        this.g = g;
        this.p = Objects.requireNonNull(p, "p").clone();
        this.srpB = Objects.requireNonNull(srpB, "srpB").clone();
    }

    /**
     * Returns the id of this SRP session, echoed in the answer.
     *
     * @return {@code srp_id}
     */
    public long srpId() {
        return srpId;
    }

    /**
     * Returns the first salt of the password algorithm.
     *
     * @return a copy of {@code salt1}
     */
    public byte[] salt1() {
        return salt1.clone();
    }

    /**
     * Returns the second salt of the password algorithm.
     *
     * @return a copy of {@code salt2}
     */
    public byte[] salt2() {
        return salt2.clone();
    }

    /**
     * Returns the generator.
     *
     * @return {@code g}
     */
    public int g() {
        return g;
    }

    /**
     * Returns the 2048-bit prime.
     *
     * @return a copy of {@code p}, big-endian
     */
    public byte[] p() {
        return p.clone();
    }

    /**
     * Returns the server's public value.
     *
     * @return a copy of {@code srp_B}, big-endian
     */
    public byte[] srpB() {
        return srpB.clone();
    }

    @Override
    public String toString() {
        return "SrpParameters[srpId=" + srpId + ", g=" + g + "]";
    }
}
