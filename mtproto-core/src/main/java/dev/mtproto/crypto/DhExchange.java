package dev.mtproto.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * One side's Diffie-Hellman secret of the key exchange: a random 2048-bit exponent {@code b} (the
 * client's) or {@code a} (the server's), its public value {@code g^secret mod dh_prime}, and the shared
 * authorization key computed from the other side's public value. Works for both sides; the names below
 * follow the client (secret b, public {@code g_b}, peer value {@code g_a}).
 *
 * <p>Immutable. The secret never leaves the object and {@code toString} does not show it.
 */
public final class DhExchange {
    private static final int SECRET_LENGTH = 256;
    private static final int MAX_ATTEMPTS = 64;

    private final BigInteger dhPrime;
    private final BigInteger secret;
    private final BigInteger publicValue;

    private DhExchange(BigInteger dhPrime, BigInteger secret, BigInteger publicValue) {
        this.dhPrime = dhPrime;
        this.secret = secret;
        this.publicValue = publicValue;
    }

    /**
     * Checks the group, then draws a random 2048-bit secret (256 bytes from {@code random}, big-endian)
     * until {@code g^secret mod dh_prime} lies in {@code [2^1984, dh_prime - 2^1984]} (a retry is
     * astronomically rare).
     *
     * @param dhPrime the server's {@code dh_prime}
     * @param g the server's {@code g}
     * @param random source of the secret
     * @return the secret with its public value
     * @throws SecurityCheckException if {@code dh_prime} or {@code g} fails a check
     * @throws IllegalStateException if 64 secrets in a row gave out-of-range values (a broken random source)
     */
    public static DhExchange generate(BigInteger dhPrime, int g, RandomSource random) {
        DhValidator.checkGroup(dhPrime, g);
        Objects.requireNonNull(random, "random");
        byte[] bytes = new byte[SECRET_LENGTH];
        BigInteger generator = BigInteger.valueOf(g);
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                random.nextBytes(bytes, 0, SECRET_LENGTH);
                BigInteger secret = new BigInteger(1, bytes);
                if (secret.signum() == 0) {
                    continue;
                }
                BigInteger publicValue = generator.modPow(secret, dhPrime);
                if (publicValue.compareTo(BigInteger.ONE) > 0
                        && publicValue.compareTo(dhPrime.subtract(BigInteger.ONE)) < 0
                        && DhValidator.isInSafeRange(publicValue, dhPrime)) {
                    return new DhExchange(dhPrime, secret, publicValue);
                }
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        throw new IllegalStateException("no DH secret with an in-range public value in " + MAX_ATTEMPTS
                + " attempts; the random source looks broken");
    }

    /**
     * Returns this side's public value ({@code g_b} for a client, {@code g_a} for a server).
     *
     * @return {@code g^secret mod dh_prime}
     */
    public BigInteger publicValue() {
        return publicValue;
    }

    /**
     * Returns the public value as the big-endian bytes without leading zeros that go into the TL
     * {@code g_b:string} / {@code g_a:string} field.
     *
     * @return a new array
     */
    public byte[] publicValueBytes() {
        return BigEndianNumbers.toMinimalBigEndian(publicValue);
    }

    /**
     * Client side: checks the server's {@code g_a} and computes the authorization key
     * {@code g_a^b mod dh_prime}.
     *
     * @param gA the server's public value
     * @return the new authorization key
     * @throws SecurityCheckException if {@code g_a} fails the range checks
     */
    public AuthKey computeAuthKey(BigInteger gA) {
        return computeAuthKey(gA, "g_a");
    }

    /**
     * Checks the other side's public value and computes the authorization key
     * {@code peer^secret mod dh_prime}.
     *
     * @param peerPublicValue {@code g_a} on the client, {@code g_b} on the server
     * @param peerName the value's name for the exception message ({@code "g_a"} or {@code "g_b"})
     * @return the new authorization key
     * @throws SecurityCheckException if the peer value fails the range checks
     */
    public AuthKey computeAuthKey(BigInteger peerPublicValue, String peerName) {
        DhValidator.checkPublicValue(peerName, peerPublicValue, dhPrime);
        return AuthKey.fromDhResult(peerPublicValue.modPow(secret, dhPrime));
    }

    @Override
    public String toString() {
        return "DhExchange[secret hidden]";
    }
}
