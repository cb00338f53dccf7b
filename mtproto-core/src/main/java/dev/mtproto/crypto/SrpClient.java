package dev.mtproto.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The client side of Telegram's SRP 2FA (api/srp), with H = SHA-256 and SH(data, salt) = H(salt | data | salt):
 *
 * <pre>
 * PH1 = SH(SH(password, salt1), salt2)
 * x   = PH2 = SH(PBKDF2-HMAC-SHA512(PH1, salt1, 100000), salt2)
 * k   = H(p | g)                   u = H(g_a | g_b)
 * v   = g^x mod p                  g_a = A = g^a mod p, a a random 2048-bit number
 * t   = (g_b - k * v) mod p        s_a = t^(a + u * x) mod p      k_a = H(s_a)
 * M1  = H(H(p) xor H(g) | H(salt1) | H(salt2) | g_a | g_b | k_a)
 * </pre>
 *
 * Every number fed to a hash is 256 bytes big-endian (g too). {@code p} and {@code g} are checked like a
 * DH group and {@code srp_B} like a DH public value ({@link DhValidator}). The secret {@code a} always
 * comes from the caller's {@link RandomSource}, never from the server.
 *
 * <p>Secret arrays that this class creates (UTF-8 encodings of the password, the secret {@code a}, PH1,
 * the PBKDF2 output, x, v, t, s_a, k_a) are overwritten with zeros once the answer is computed; the
 * caller's own arrays are left alone. The {@link BigInteger}s made from them ({@code a}, {@code x}, the
 * exponent) cannot be erased: Java's big integers are immutable and live until the garbage collector
 * reclaims them.
 */
public final class SrpClient {
    /** The PBKDF2 iteration count of the current algorithm. */
    public static final int PBKDF2_ITERATIONS = 100_000;
    private static final int SIZE = 256;
    private static final int MAX_ATTEMPTS = 64;

    private SrpClient() {
    }

    /**
     * Computes the answer for a password given as characters (encoded as UTF-8 here).
     *
     * @param password the password; not modified
     * @param parameters what the server sent
     * @param random source of the secret {@code a}
     * @return srp_id, A and M1
     * @throws SecurityCheckException if p, g or srp_B fail a check
     * @throws IllegalArgumentException if the password has unpaired surrogate characters
     */
    public static SrpAnswer answer(char[] password, SrpParameters parameters, RandomSource random) {
        byte[] utf8 = utf8(password);
        try {
            return answer(utf8, parameters, random);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /**
     * Computes the answer for a password given as UTF-8 bytes.
     *
     * @param passwordUtf8 the password bytes; not modified
     * @param parameters what the server sent
     * @param random source of the secret {@code a}
     * @return srp_id, A and M1
     * @throws SecurityCheckException if p, g or srp_B fail a check
     */
    public static SrpAnswer answer(byte[] passwordUtf8, SrpParameters parameters, RandomSource random) {
        return answer(passwordUtf8, parameters, random, erased -> { });
    }

    /**
     * {@link #answer(byte[], SrpParameters, RandomSource)}, handing the computation to {@code erased} once its
     * secret arrays were overwritten (for tests that check they were).
     */
    static SrpAnswer answer(byte[] passwordUtf8, SrpParameters parameters, RandomSource random,
                            Consumer<SrpComputation> erased) {
        Objects.requireNonNull(random, "random");
        BigInteger p = new BigInteger(1, parameters.p());
        // Checked before a secret is drawn: g^a mod p over a hostile p or g could otherwise fail untyped
        // (p = 0) or never land in the safe range (g = 1, a small p) and be blamed on the random source.
        DhValidator.checkGroup(p, parameters.g());
        DhValidator.checkPublicValue("srp_B", new BigInteger(1, parameters.srpB()), p);
        byte[] a = new byte[SIZE];
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                random.nextBytes(a, 0, SIZE);
                BigInteger gA = BigInteger.valueOf(parameters.g()).modPow(new BigInteger(1, a), p);
                if (gA.compareTo(BigInteger.ONE) > 0 && gA.compareTo(p.subtract(BigInteger.ONE)) < 0
                        && DhValidator.isInSafeRange(gA, p)) {
                    SrpComputation c = compute(passwordUtf8, parameters, a);
                    try {
                        return new SrpAnswer(parameters.srpId(), c.gA, c.m1);
                    } finally {
                        c.eraseSecrets();
                        erased.accept(c);
                    }
                }
            }
        } finally {
            Arrays.fill(a, (byte) 0);
        }
        throw new IllegalStateException("no SRP secret with an in-range g_a in " + MAX_ATTEMPTS
                + " attempts; the random source looks broken");
    }

    /**
     * Computes {@code new_password_hash} for setting or changing the password: the verifier
     * {@code v = g^PH2(password, salt1, salt2) mod p} as 256 big-endian bytes. {@code salt1} must already
     * be the extended salt (see {@link #newSalt1}).
     *
     * @param password the new password; not modified
     * @param salt1 the new algorithm's salt1, extended by the client
     * @param salt2 the new algorithm's salt2
     * @param g the new algorithm's g
     * @param p the new algorithm's p, big-endian
     * @return v, 256 bytes
     * @throws SecurityCheckException if p or g fail a check
     */
    public static byte[] newPasswordHash(char[] password, byte[] salt1, byte[] salt2, int g, byte[] p) {
        byte[] utf8 = utf8(password);
        try {
            return newPasswordHash(utf8, salt1, salt2, g, p);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /**
     * Computes {@code new_password_hash} for a password given as UTF-8 bytes; see
     * {@link #newPasswordHash(char[], byte[], byte[], int, byte[])}.
     *
     * @param passwordUtf8 the new password bytes; not modified
     * @param salt1 the extended salt1
     * @param salt2 salt2
     * @param g g
     * @param p p, big-endian
     * @return v, 256 bytes
     * @throws SecurityCheckException if p or g fail a check
     */
    public static byte[] newPasswordHash(byte[] passwordUtf8, byte[] salt1, byte[] salt2, int g, byte[] p) {
        BigInteger prime = new BigInteger(1, p);
        DhValidator.checkGroup(prime, g);
        byte[] x = ph2(passwordUtf8, salt1, salt2);
        try {
            return fixed(BigInteger.valueOf(g).modPow(new BigInteger(1, x), prime));
        } finally {
            Arrays.fill(x, (byte) 0);
        }
    }

    /**
     * Extends the server's {@code new_algo.salt1} with 32 random bytes, as a client must before it sets a
     * new password.
     *
     * @param serverSalt1 {@code new_algo.salt1} from the server
     * @param random source of the extra bytes
     * @return {@code serverSalt1 + 32 random bytes}
     */
    public static byte[] newSalt1(byte[] serverSalt1, RandomSource random) {
        byte[] out = Arrays.copyOf(serverSalt1, serverSalt1.length + 32);
        random.nextBytes(out, serverSalt1.length, 32);
        return out;
    }

    /** Runs the whole computation for a given secret {@code a}; keeps every intermediate for tests. */
    static SrpComputation compute(byte[] password, SrpParameters parameters, byte[] aBytes) {
        Objects.requireNonNull(password, "password");
        BigInteger p = new BigInteger(1, parameters.p());
        int gInt = parameters.g();
        DhValidator.checkGroup(p, gInt);
        BigInteger gB = new BigInteger(1, parameters.srpB());
        DhValidator.checkPublicValue("srp_B", gB, p);

        SrpComputation c = new SrpComputation();
        byte[] salt1 = parameters.salt1();
        byte[] salt2 = parameters.salt2();
        BigInteger g = BigInteger.valueOf(gInt);
        byte[] pBytes = fixed(p);
        byte[] gBytes = fixed(g);
        byte[] gBBytes = fixed(gB);
        BigInteger a = new BigInteger(1, aBytes);
        BigInteger gA = g.modPow(a, p);
        DhValidator.checkPublicValue("g_a", gA, p);
        c.gA = fixed(gA);

        c.ph1 = ph1(password, salt1, salt2);
        c.pbkdf2 = Pbkdf2HmacSha512.derive(c.ph1, salt1, PBKDF2_ITERATIONS, 64);
        c.x = sh(c.pbkdf2, salt2);
        BigInteger x = new BigInteger(1, c.x);
        BigInteger v = g.modPow(x, p);
        c.v = fixed(v);
        c.k = Digests.sha256(pBytes, gBytes);
        c.u = Digests.sha256(c.gA, gBBytes);
        BigInteger u = new BigInteger(1, c.u);
        if (u.signum() == 0) {
            throw new SecurityCheckException("SRP u = H(g_a | g_b) is zero");
        }
        BigInteger kv = new BigInteger(1, c.k).multiply(v).mod(p);
        c.kv = fixed(kv);
        BigInteger t = gB.subtract(kv).mod(p);
        if (t.signum() == 0) {
            throw new SecurityCheckException("srp_B equals k * v mod p");
        }
        c.t = fixed(t);
        c.sA = fixed(t.modPow(a.add(u.multiply(x)), p));
        c.kA = Digests.sha256(c.sA);
        c.hP = Digests.sha256(pBytes);
        c.hG = Digests.sha256(gBytes);
        byte[] hpXorHg = new byte[32];
        for (int i = 0; i < 32; i++) {
            hpXorHg[i] = (byte) (c.hP[i] ^ c.hG[i]);
        }
        c.m1 = Digests.sha256(hpXorHg, Digests.sha256(salt1), Digests.sha256(salt2), c.gA, gBBytes, c.kA);
        return c;
    }

    /** PH1(password, salt1, salt2) = SH(SH(password, salt1), salt2). */
    static byte[] ph1(byte[] password, byte[] salt1, byte[] salt2) {
        byte[] inner = sh(password, salt1);
        try {
            return sh(inner, salt2);
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /** PH2(password, salt1, salt2) = SH(pbkdf2(sha512, PH1, salt1, 100000), salt2). */
    static byte[] ph2(byte[] password, byte[] salt1, byte[] salt2) {
        byte[] ph1 = ph1(password, salt1, salt2);
        byte[] derived = Pbkdf2HmacSha512.derive(ph1, salt1, PBKDF2_ITERATIONS, 64);
        try {
            return sh(derived, salt2);
        } finally {
            Arrays.fill(ph1, (byte) 0);
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static byte[] sh(byte[] data, byte[] salt) {
        MessageDigest sha256 = Digests.sha256();
        sha256.update(salt);
        sha256.update(data);
        sha256.update(salt);
        return sha256.digest();
    }

    private static byte[] fixed(BigInteger value) {
        return BigEndianNumbers.toFixedBigEndian(value, SIZE);
    }

    private static byte[] utf8(char[] password) {
        Objects.requireNonNull(password, "password");
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer;
        try {
            buffer = encoder.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("password is not valid Unicode (unpaired surrogate)", e);
        }
        byte[] out = Arrays.copyOfRange(buffer.array(), buffer.arrayOffset(), buffer.arrayOffset() + buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return out;
    }

    /** Every intermediate value of one computation, as 256-byte or 32-byte big-endian strings. */
    static final class SrpComputation {
        byte[] ph1;
        byte[] pbkdf2;
        byte[] x;
        byte[] v;
        byte[] k;
        byte[] kv;
        byte[] u;
        byte[] t;
        byte[] sA;
        byte[] kA;
        byte[] hP;
        byte[] hG;
        byte[] gA;
        byte[] m1;

        /**
         * Overwrites with zeros every value from which the password's verifier or the session secret could be
         * computed (PH1, the PBKDF2 output, x, v, k*v, t, s_a, k_a); the public g_a and M1 stay.
         */
        void eraseSecrets() {
            for (byte[] secret : new byte[][] {ph1, pbkdf2, x, v, kv, t, sA, kA}) {
                if (secret != null) {
                    Arrays.fill(secret, (byte) 0);
                }
            }
        }
    }
}
