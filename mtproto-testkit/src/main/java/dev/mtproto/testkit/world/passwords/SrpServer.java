package dev.mtproto.testkit.world.passwords;

import static dev.mtproto.testkit.world.crypto.WorldDigests.sha256;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.SecurityCheckException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The server side of Telegram's SRP (https://core.telegram.org/api/srp), H = SHA-256, every number fed to
 * a hash 256 bytes big-endian:
 *
 * <pre>
 * k = H(p | g)            B = (k * v + g^b) mod p, b a fresh random 2048-bit number
 * u = H(A | B)            S = (A * v^u)^b mod p     K = H(S)
 * M1 = H(H(p) xor H(g) | H(salt1) | H(salt2) | A | B | K)
 * </pre>
 *
 * which equals the client's {@code t^(a + u * x)} with {@code t = B - k * v}. {@code B} is drawn until it
 * passes the checks a client makes of it (the same as for DH: 1 &lt; B &lt; p - 1, at least 2^(2048-64)
 * away from 0 and p); {@code A} is refused unless it passes them too.
 */
final class SrpServer {
    private static final int SIZE = 256;

    private SrpServer() {
    }

    /** One {@code srp_B} with its secret. */
    record Challenge(BigInteger b, BigInteger gB) {
        @Override
        public String toString() {
            return "Challenge[secret hidden]";
        }
    }

    static Challenge challenge(PasswordVerifier verifier, SecureRandom random) {
        BigInteger p = verifier.p();
        BigInteger g = BigInteger.valueOf(verifier.g());
        BigInteger kv = new BigInteger(1, sha256(fixed(p), fixed(g))).multiply(verifier.v()).mod(p);
        while (true) {
            BigInteger b = new BigInteger(SIZE * 8, random);
            BigInteger gB = kv.add(g.modPow(b, p)).mod(p);
            if (passes(gB, p)) {
                return new Challenge(b, gB);
            }
        }
    }

    /**
     * @return whether {@code m1} proves the password: the client's {@code A} passes the checks and M1 is the
     *     one the verifier gives
     */
    static boolean verify(PasswordVerifier verifier, Challenge challenge, byte[] a, byte[] m1) {
        BigInteger p = verifier.p();
        BigInteger gA = new BigInteger(1, a);
        if (a.length > SIZE || !passes(gA, p) || m1.length != 32) {
            return false;
        }
        byte[] aBytes = fixed(gA);
        byte[] bBytes = fixed(challenge.gB());
        BigInteger u = new BigInteger(1, sha256(aBytes, bBytes));
        if (u.signum() == 0) {
            return false;
        }
        BigInteger s = gA.multiply(verifier.v().modPow(u, p)).mod(p).modPow(challenge.b(), p);
        byte[] k = sha256(fixed(s));
        byte[] hP = sha256(fixed(p));
        byte[] hG = sha256(fixed(BigInteger.valueOf(verifier.g())));
        byte[] xor = new byte[32];
        for (int i = 0; i < xor.length; i++) {
            xor[i] = (byte) (hP[i] ^ hG[i]);
        }
        byte[] expected = sha256(xor, sha256(verifier.salt1()), sha256(verifier.salt2()), aBytes, bBytes, k);
        boolean ok = MessageDigest.isEqual(expected, m1);
        Arrays.fill(k, (byte) 0);
        return ok;
    }

    private static boolean passes(BigInteger value, BigInteger p) {
        try {
            DhValidator.checkPublicValue("srp value", value, p);
            return true;
        } catch (SecurityCheckException e) {
            return false;
        }
    }

    static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == SIZE) {
            return raw;
        }
        byte[] out = new byte[SIZE];
        int copy = Math.min(raw.length, SIZE);
        System.arraycopy(raw, raw.length - copy, out, SIZE - copy, copy);
        return out;
    }
}
