package dev.mtproto.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The encryption of {@code p_q_inner_data} used before RSA_PAD, still accepted by the test server for
 * old clients: {@code data_with_hash = SHA1(data) + data + random bytes} up to 255 bytes, then raw RSA.
 * New clients should use {@link RsaPad}.
 */
public final class LegacyRsaEncryption {
    /** Largest {@code data} this scheme can carry: 255 - 20. */
    public static final int MAX_DATA_LENGTH = 235;
    private static final int BLOCK_LENGTH = 255;
    private static final int SHA1_LENGTH = 20;

    private LegacyRsaEncryption() {
    }

    /**
     * Encrypts {@code data} the old way.
     *
     * @param data the serialized {@code p_q_inner_data}, at most 235 bytes
     * @param key the server's 2048-bit public key
     * @param random source of the padding
     * @return {@code encrypted_data}, 256 bytes
     * @throws IllegalArgumentException if {@code data} is too long or the key is not 2048-bit
     */
    public static byte[] encrypt(byte[] data, RsaPublicKey key, RandomSource random) {
        Objects.requireNonNull(data, "data");
        if (data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("legacy RSA data is " + data.length + " bytes, more than 235");
        }
        if (key.modulusLength() != 256) {
            throw new IllegalArgumentException("legacy RSA encryption needs a 2048-bit key");
        }
        byte[] block = new byte[BLOCK_LENGTH];
        System.arraycopy(Digests.sha1(data), 0, block, 0, SHA1_LENGTH);
        System.arraycopy(data, 0, block, SHA1_LENGTH, data.length);
        random.nextBytes(block, SHA1_LENGTH + data.length, BLOCK_LENGTH - SHA1_LENGTH - data.length);
        try {
            return key.encryptRaw(block);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /**
     * Server side: decrypts and checks an old-style {@code encrypted_data}. The data length is found by
     * trying every length 0..235 whose SHA-1 matches (a random match is negligibly likely).
     *
     * @param encryptedData the 256 bytes the client sent
     * @param key the server's private key
     * @return the client's data without hash and padding
     * @throws SecurityCheckException if the length is not 256, the value is not below the modulus, the
     *     decrypted number needs more than 255 bytes, or no prefix matches the SHA-1
     */
    public static byte[] decrypt(byte[] encryptedData, RsaPrivateKey key) {
        Objects.requireNonNull(encryptedData, "encryptedData");
        if (encryptedData.length != 256) {
            throw new SecurityCheckException("legacy RSA encrypted_data is " + encryptedData.length + " bytes, not 256");
        }
        if (new BigInteger(1, encryptedData).compareTo(key.publicKey().modulus()) >= 0) {
            throw new SecurityCheckException("legacy RSA encrypted_data is not below the RSA modulus");
        }
        byte[] plain = key.decryptRaw(encryptedData);
        try {
            if (plain[0] != 0) {
                throw new SecurityCheckException("legacy RSA data_with_hash is longer than 255 bytes");
            }
            byte[] hash = Arrays.copyOfRange(plain, 1, 1 + SHA1_LENGTH);
            MessageDigest sha1 = Digests.sha1();
            byte[] candidate = new byte[SHA1_LENGTH];
            for (int length = 0; length <= MAX_DATA_LENGTH; length++) {
                sha1.update(plain, 1 + SHA1_LENGTH, length);
                Digests.finish(sha1, candidate, 0);
                if (MessageDigest.isEqual(candidate, hash)) {
                    return Arrays.copyOfRange(plain, 1 + SHA1_LENGTH, 1 + SHA1_LENGTH + length);
                }
            }
            throw new SecurityCheckException("SHA1 of the legacy RSA data does not match any data length");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
