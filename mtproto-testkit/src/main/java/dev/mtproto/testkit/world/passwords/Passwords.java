package dev.mtproto.testkit.world.passwords;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.SrpClient;
import dev.mtproto.keyexchange.DhGroup;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The 2FA passwords of the world's accounts, as verifiers (https://core.telegram.org/api/srp), and the SRP
 * challenges handed out: each {@code account.getPassword} makes a fresh {@code srp_id} and {@code srp_B}; a
 * challenge is good for one {@code auth.checkPassword} within {@link #CHALLENGE_SECONDS}, and a few stay
 * valid at once, for clients that ask twice. The group is Telegram's 2048-bit prime with g = 3. Thread-safe.
 */
public final class Passwords {
    /** How long an {@code srp_id} can be used. */
    public static final long CHALLENGE_SECONDS = 600;
    private static final int CHALLENGES_KEPT = 8;

    private record Issued(long srpId, SrpServer.Challenge challenge, long version, long expiresAt) {
    }

    private final Map<Long, PasswordVerifier> verifiers = new HashMap<>();
    private final Map<Long, ArrayDeque<Issued>> issued = new HashMap<>();
    private final SecureRandom random;
    private long versions;

    /** @param random where salts and SRP secrets come from */
    public Passwords(SecureRandom random) {
        this.random = random;
    }

    /**
     * Sets an account's password, as a client does with {@code account.updatePasswordSettings}: salt1 is
     * the server's 8 bytes extended by 32 of the client's, salt2 16 bytes, and the verifier
     * {@code g^PH2(password) mod p}. Challenges issued for the old password answer {@code SRP_PASSWORD_CHANGED}.
     *
     * @param userId the account
     * @param password the password; not kept
     * @param hint the hint, empty for none
     */
    public void set(long userId, char[] password, String hint) {
        Objects.requireNonNull(password, "password");
        DhGroup group = DhGroup.TELEGRAM;
        byte[] salt1 = SrpClient.newSalt1(randomBytes(8), RandomSource.of(random));
        byte[] salt2 = randomBytes(16);
        byte[] p = SrpServer.fixed(group.prime());
        BigInteger v = new BigInteger(1, SrpClient.newPasswordHash(password, salt1, salt2, group.g(), p));
        synchronized (this) {
            verifiers.put(userId, new PasswordVerifier(salt1, salt2, group.g(), group.prime(), v, hint, ++versions));
        }
    }

    /**
     * Removes an account's password.
     *
     * @param userId the account
     */
    public synchronized void remove(long userId) {
        verifiers.remove(userId);
        issued.remove(userId);
    }

    /**
     * @param userId an account
     * @return its password's verifier, if it has a password
     */
    public synchronized Optional<PasswordVerifier> of(long userId) {
        return Optional.ofNullable(verifiers.get(userId));
    }

    /**
     * Issues a fresh SRP challenge for an account with a password.
     *
     * @param userId the account
     * @param nowSeconds the world's time
     * @return {@code srp_id} and {@code srp_B} (256 bytes, big-endian), or empty if the account has no password
     */
    public synchronized Optional<SrpChallenge> challenge(long userId, long nowSeconds) {
        PasswordVerifier verifier = verifiers.get(userId);
        if (verifier == null) {
            return Optional.empty();
        }
        SrpServer.Challenge c = SrpServer.challenge(verifier, random);
        long srpId = random.nextLong();
        ArrayDeque<Issued> list = issued.computeIfAbsent(userId, k -> new ArrayDeque<>());
        list.addLast(new Issued(srpId, c, verifier.version(), nowSeconds + CHALLENGE_SECONDS));
        while (list.size() > CHALLENGES_KEPT) {
            list.removeFirst();
        }
        return Optional.of(new SrpChallenge(srpId, SrpServer.fixed(c.gB())));
    }

    /**
     * Checks the client's answer ({@code inputCheckPasswordSRP}); the challenge is used up either way.
     *
     * @param userId the account
     * @param srpId the answer's {@code srp_id}
     * @param a the client's {@code A}
     * @param m1 the client's {@code M1}
     * @param nowSeconds the world's time
     * @return the outcome
     */
    public synchronized SrpCheck check(long userId, long srpId, byte[] a, byte[] m1, long nowSeconds) {
        ArrayDeque<Issued> list = issued.get(userId);
        Issued found = null;
        if (list != null) {
            for (Iterator<Issued> it = list.iterator(); it.hasNext();) {
                Issued i = it.next();
                if (i.srpId() == srpId) {
                    found = i;
                    it.remove();
                    break;
                }
            }
        }
        PasswordVerifier verifier = verifiers.get(userId);
        if (found == null || nowSeconds >= found.expiresAt() || verifier == null) {
            return SrpCheck.SRP_ID_INVALID;
        }
        if (found.version() != verifier.version()) {
            return SrpCheck.SRP_PASSWORD_CHANGED;
        }
        return SrpServer.verify(verifier, found.challenge(), a, m1) ? SrpCheck.OK : SrpCheck.PASSWORD_HASH_INVALID;
    }

    /**
     * @param length how many bytes
     * @return that many random bytes, for salts and {@code secure_random}
     */
    public byte[] randomBytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
