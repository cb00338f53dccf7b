package dev.mtproto.testkit.world.passwords;

import java.math.BigInteger;

/**
 * What the server keeps of a 2FA password (https://core.telegram.org/api/srp): the algorithm
 * {@code passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow} with its salts, g and p, and
 * the verifier {@code v = g^x mod p}; never the password. Immutable; {@code toString} shows no secret.
 */
public final class PasswordVerifier {
    private final byte[] salt1;
    private final byte[] salt2;
    private final int g;
    private final BigInteger p;
    private final BigInteger v;
    private final String hint;
    private final long version;

    PasswordVerifier(byte[] salt1, byte[] salt2, int g, BigInteger p, BigInteger v, String hint, long version) {
        this.salt1 = salt1.clone();
        this.salt2 = salt2.clone();
        this.g = g;
        this.p = p;
        this.v = v;
        this.hint = hint;
        this.version = version;
    }

    /** @return {@code current_algo.salt1} (the server's salt extended by the client's 32 bytes) */
    public byte[] salt1() {
        return salt1.clone();
    }

    /** @return {@code current_algo.salt2} */
    public byte[] salt2() {
        return salt2.clone();
    }

    /** @return the generator */
    public int g() {
        return g;
    }

    /** @return the 2048-bit safe prime */
    public BigInteger p() {
        return p;
    }

    BigInteger v() {
        return v;
    }

    /** @return the hint the account set, empty if none */
    public String hint() {
        return hint;
    }

    /** @return which password of the account this is: each new one has a higher version */
    long version() {
        return version;
    }

    @Override
    public String toString() {
        return "PasswordVerifier[version " + version + "]";
    }
}
