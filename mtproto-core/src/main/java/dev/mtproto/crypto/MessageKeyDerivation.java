package dev.mtproto.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Derives the AES-256-IGE key and IV of an MTProto 2.0 message from {@code auth_key} and {@code msg_key}:
 *
 * <pre>
 * sha256_a = SHA256(msg_key + substr(auth_key, x, 36))
 * sha256_b = SHA256(substr(auth_key, 40 + x, 36) + msg_key)
 * aes_key  = substr(sha256_a, 0, 8) + substr(sha256_b, 8, 16) + substr(sha256_a, 24, 8)
 * aes_iv   = substr(sha256_b, 0, 8) + substr(sha256_a, 8, 16) + substr(sha256_b, 24, 8)
 * </pre>
 *
 * <p>Reuses one SHA-256 digest and its scratch space, so {@link #derive} does not allocate. Not
 * thread-safe; one instance per connection.
 */
public final class MessageKeyDerivation {
    /** Length of {@code msg_key} in bytes. */
    public static final int MSG_KEY_SIZE = 16;

    private final MessageDigest sha256 = Digests.sha256();
    private final byte[] a = new byte[32];
    private final byte[] b = new byte[32];

    /** Creates a derivation with its own SHA-256 instance. */
    public MessageKeyDerivation() {
    }

    /**
     * Computes {@code aes_key} and {@code aes_iv}.
     *
     * @param authKey the authorization key
     * @param direction the direction of the message (chooses {@code x})
     * @param msgKey array holding the 16-byte {@code msg_key}
     * @param msgKeyOffset where {@code msg_key} starts
     * @param aesKey receives the 32-byte key at {@code aesKeyOffset}
     * @param aesKeyOffset where to write the key
     * @param aesIv receives the 32-byte IV at {@code aesIvOffset}
     * @param aesIvOffset where to write the IV
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public void derive(AuthKey authKey, MessageDirection direction, byte[] msgKey, int msgKeyOffset,
                       byte[] aesKey, int aesKeyOffset, byte[] aesIv, int aesIvOffset) {
        Objects.checkFromIndexSize(msgKeyOffset, MSG_KEY_SIZE, msgKey.length);
        Objects.checkFromIndexSize(aesKeyOffset, 32, aesKey.length);
        Objects.checkFromIndexSize(aesIvOffset, 32, aesIv.length);
        byte[] key = authKey.bytes();
        int x = direction.x();

        sha256.update(msgKey, msgKeyOffset, MSG_KEY_SIZE);
        sha256.update(key, x, 36);
        Digests.finish(sha256, a, 0);
        sha256.update(key, 40 + x, 36);
        sha256.update(msgKey, msgKeyOffset, MSG_KEY_SIZE);
        Digests.finish(sha256, b, 0);

        System.arraycopy(a, 0, aesKey, aesKeyOffset, 8);
        System.arraycopy(b, 8, aesKey, aesKeyOffset + 8, 16);
        System.arraycopy(a, 24, aesKey, aesKeyOffset + 24, 8);
        System.arraycopy(b, 0, aesIv, aesIvOffset, 8);
        System.arraycopy(a, 8, aesIv, aesIvOffset + 8, 16);
        System.arraycopy(b, 24, aesIv, aesIvOffset + 24, 8);
        Arrays.fill(a, (byte) 0);
        Arrays.fill(b, (byte) 0);
    }

    /**
     * Computes {@code sha256_a} and {@code sha256_b} into new arrays; for this package's tests.
     *
     * @param authKey the authorization key
     * @param direction the direction of the message
     * @param msgKey the 16-byte {@code msg_key}
     * @return {@code {sha256_a, sha256_b}}
     * @throws IllegalArgumentException if {@code msgKey} is not 16 bytes
     */
    byte[][] intermediateHashes(AuthKey authKey, MessageDirection direction, byte[] msgKey) {
        if (msgKey.length != MSG_KEY_SIZE) {
            throw new IllegalArgumentException("msg_key must be 16 bytes, not " + msgKey.length);
        }
        byte[] key = authKey.bytes();
        int x = direction.x();
        sha256.update(msgKey);
        sha256.update(key, x, 36);
        byte[] shaA = sha256.digest();
        sha256.update(key, 40 + x, 36);
        sha256.update(msgKey);
        byte[] shaB = sha256.digest();
        return new byte[][] {shaA, shaB};
    }
}
