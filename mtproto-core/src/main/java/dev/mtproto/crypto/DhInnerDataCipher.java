package dev.mtproto.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encrypts and decrypts the hashed payloads of the Diffie-Hellman steps with the temporary key: the
 * server's {@code encrypted_answer} ({@code answer_with_hash}) and the client's {@code encrypted_data}
 * ({@code data_with_hash}). Both have the form {@code SHA1(data) + data + padding}, with 0..15 random
 * padding bytes that make the length a multiple of 16, encrypted with AES-256-IGE under
 * {@link TmpAesKey}.
 *
 * <p>Decryption finds the data length itself, by trying each padding length 0..15 and comparing the
 * SHA-1 (in constant time), so the caller does not need to parse TL first.
 */
public final class DhInnerDataCipher {
    private static final int SHA1_SIZE = 20;

    private DhInnerDataCipher() {
    }

    /**
     * Builds {@code SHA1(data) + data + padding} and encrypts it.
     *
     * @param key the temporary key and IV
     * @param data the serialized inner data ({@code client_DH_inner_data} or {@code server_DH_inner_data})
     * @param random source of the 0..15 padding bytes
     * @return the encrypted bytes, a multiple of 16 long
     */
    public static byte[] encrypt(TmpAesKey key, byte[] data, RandomSource random) {
        Objects.requireNonNull(data, "data");
        int unpadded = SHA1_SIZE + data.length;
        int padding = (16 - (unpadded & 15)) & 15;
        byte[] withHash = new byte[unpadded + padding];
        System.arraycopy(Digests.sha1(data), 0, withHash, 0, SHA1_SIZE);
        System.arraycopy(data, 0, withHash, SHA1_SIZE, data.length);
        random.nextBytes(withHash, unpadded, padding);
        byte[] encrypted = AesIge.encrypt(key.keyBytes(), key.ivBytes(), withHash);
        Arrays.fill(withHash, (byte) 0);
        return encrypted;
    }

    /**
     * Decrypts and checks an encrypted payload, returning the data without hash and padding.
     *
     * @param key the temporary key and IV
     * @param encrypted {@code encrypted_answer} or {@code encrypted_data}
     * @return the inner data
     * @throws SecurityCheckException if the length is not a positive multiple of 16 or no padding length
     *     0..15 makes the SHA-1 match
     */
    public static byte[] decrypt(TmpAesKey key, byte[] encrypted) {
        Objects.requireNonNull(encrypted, "encrypted");
        if (encrypted.length < 2 * 16 || (encrypted.length & 15) != 0) {
            throw new SecurityCheckException("encrypted DH data length " + encrypted.length
                    + " is not a multiple of 16 of at least 32 bytes");
        }
        byte[] withHash = AesIge.decrypt(key.keyBytes(), key.ivBytes(), encrypted);
        try {
            byte[] hash = Arrays.copyOf(withHash, SHA1_SIZE);
            MessageDigest sha1 = Digests.sha1();
            byte[] candidate = new byte[SHA1_SIZE];
            int found = -1;
            for (int padding = 0; padding < 16; padding++) {
                int length = withHash.length - SHA1_SIZE - padding;
                if (length < 0) {
                    break;
                }
                sha1.update(withHash, SHA1_SIZE, length);
                Digests.finish(sha1, candidate, 0);
                if (MessageDigest.isEqual(candidate, hash) && found < 0) {
                    found = length;
                }
            }
            if (found < 0) {
                throw new SecurityCheckException("SHA1 of the decrypted DH data does not match for any padding 0..15");
            }
            return Arrays.copyOfRange(withHash, SHA1_SIZE, SHA1_SIZE + found);
        } finally {
            Arrays.fill(withHash, (byte) 0);
        }
    }
}
