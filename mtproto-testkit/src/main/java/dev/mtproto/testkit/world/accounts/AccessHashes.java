package dev.mtproto.testkit.world.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access hashes as Telegram gives them (https://core.telegram.org/api/peers#access-hash): specific to the
 * account that sees a user, so a hash one account got does not work for another. Each is the first 8
 * bytes of HMAC-SHA256 over (viewer id, user id) under a secret of the world. Thread-safe.
 */
public final class AccessHashes {
    private final SecretKeySpec secret;
    /** One MAC per thread: made once, as the world computes a hash for every user and channel it sends. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param random where the world's secret comes from */
    public AccessHashes(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * @param viewerId the account that sees the user
     * @param userId the user seen
     * @return the access hash the viewer gets for that user
     */
    public long of(long viewerId, long userId) {
        byte[] out = macs.get().doFinal(ByteBuffer.allocate(16).putLong(viewerId).putLong(userId).array());
        return ByteBuffer.wrap(out, 0, 8).getLong();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    /**
     * @param viewerId the account that presents the hash
     * @param userId the user it names
     * @param accessHash the hash presented
     * @return whether it is the hash that viewer got for that user
     */
    public boolean matches(long viewerId, long userId, long accessHash) {
        byte[] expected = ByteBuffer.allocate(8).putLong(of(viewerId, userId)).array();
        byte[] given = ByteBuffer.allocate(8).putLong(accessHash).array();
        return MessageDigest.isEqual(expected, given);
    }
}
