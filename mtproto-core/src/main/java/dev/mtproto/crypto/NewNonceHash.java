package dev.mtproto.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * {@code new_nonce_hash1}, {@code new_nonce_hash2} and {@code new_nonce_hash3} of the key exchange's
 * last step ({@code dh_gen_ok}, {@code dh_gen_retry}, {@code dh_gen_fail}): the 128 lower-order bits of
 * {@code SHA1(new_nonce + byte(n) + auth_key_aux_hash)}, i.e. bytes 4..20 of the digest.
 */
public final class NewNonceHash {
    private NewNonceHash() {
    }

    /**
     * Computes {@code new_nonce_hash<number>}.
     *
     * @param newNonce the 32-byte {@code new_nonce}
     * @param number 1 ({@code dh_gen_ok}), 2 ({@code dh_gen_retry}) or 3 ({@code dh_gen_fail})
     * @param authKey the new authorization key (its {@code auth_key_aux_hash} is used)
     * @return the 16-byte hash in wire order
     * @throws IllegalArgumentException if {@code number} is not 1, 2 or 3 or the nonce length is wrong
     */
    public static byte[] compute(byte[] newNonce, int number, AuthKey authKey) {
        TmpAesKey.requireLength(newNonce, 32, "new_nonce");
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("new_nonce_hash number must be 1, 2 or 3, not " + number);
        }
        byte[] digest = Digests.sha1(newNonce, new byte[] {(byte) number}, authKey.auxHash());
        return Arrays.copyOfRange(digest, 4, 20);
    }

    /**
     * Checks a received {@code new_nonce_hash<number>} in constant time.
     *
     * @param received the 16 bytes the server sent
     * @param newNonce the 32-byte {@code new_nonce}
     * @param number 1, 2 or 3, matching the answer's constructor
     * @param authKey the new authorization key
     * @throws SecurityCheckException if the hash does not match
     * @throws IllegalArgumentException if {@code number} or a length is wrong
     */
    public static void check(byte[] received, byte[] newNonce, int number, AuthKey authKey) {
        byte[] expected = compute(newNonce, number, authKey);
        if (received == null || !MessageDigest.isEqual(expected, received)) {
            throw new SecurityCheckException("new_nonce_hash" + number + " does not match");
        }
    }
}
