package dev.mtproto.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * RSA_PAD, the current encryption of {@code p_q_inner_data} for the server's RSA key (auth_key page,
 * step 4.1):
 *
 * <pre>
 * data_with_padding  = data + random_padding_bytes            (192 bytes; data at most 144)
 * data_pad_reversed  = BYTE_REVERSE(data_with_padding)
 * temp_key           = 32 random bytes
 * data_with_hash     = data_pad_reversed + SHA256(temp_key + data_with_padding)      (224 bytes)
 * aes_encrypted      = AES256_IGE(data_with_hash, temp_key, IV = 0)
 * temp_key_xor       = temp_key XOR SHA256(aes_encrypted)
 * key_aes_encrypted  = temp_key_xor + aes_encrypted            (256 bytes; a new temp_key while >= n)
 * encrypted_data     = RSA(key_aes_encrypted, server_public_key)
 * </pre>
 *
 * <p>{@link #decrypt} is the server side: it undoes these steps with the private key and checks the
 * hash.
 */
public final class RsaPad {
    /** Largest {@code data} RSA_PAD can carry. */
    public static final int MAX_DATA_LENGTH = 144;
    /** Length of {@code data_with_padding}. */
    public static final int PADDED_LENGTH = 192;
    private static final int TEMP_KEY_LENGTH = 32;
    private static final int KEY_AES_ENCRYPTED_LENGTH = 256;
    private static final int MAX_TEMP_KEY_ATTEMPTS = 256;
    private static final byte[] ZERO_IV = new byte[32];

    private RsaPad() {
    }

    /**
     * Encrypts {@code data} for {@code key}. Random bytes are drawn in this order: the padding
     * ({@code 192 - data.length} bytes), then 32 bytes of {@code temp_key} per attempt.
     *
     * @param data the serialized {@code p_q_inner_data*}, at most 144 bytes
     * @param key the server's public key (2048-bit)
     * @param random source of the padding and the temporary key
     * @return {@code encrypted_data}, 256 bytes
     * @throws IllegalArgumentException if {@code data} is longer than 144 bytes or the key is not 2048-bit
     * @throws IllegalStateException if 256 temporary keys in a row were not below the modulus (a broken
     *     random source)
     */
    public static byte[] encrypt(byte[] data, RsaPublicKey key, RandomSource random) {
        Objects.requireNonNull(data, "data");
        if (data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("RSA_PAD data is " + data.length + " bytes, more than 144");
        }
        if (key.modulusLength() != KEY_AES_ENCRYPTED_LENGTH) {
            throw new IllegalArgumentException("RSA_PAD needs a 2048-bit key");
        }
        byte[] dataWithPadding = Arrays.copyOf(data, PADDED_LENGTH);
        random.nextBytes(dataWithPadding, data.length, PADDED_LENGTH - data.length);
        byte[] tempKey = new byte[TEMP_KEY_LENGTH];
        try {
            for (int attempt = 0; attempt < MAX_TEMP_KEY_ATTEMPTS; attempt++) {
                random.nextBytes(tempKey, 0, TEMP_KEY_LENGTH);
                byte[] keyAesEncrypted = keyAesEncrypted(dataWithPadding, tempKey);
                if (new BigInteger(1, keyAesEncrypted).compareTo(key.modulus()) < 0) {
                    return key.encryptRaw(keyAesEncrypted);
                }
            }
            throw new IllegalStateException("RSA_PAD found no temp_key giving a value below the modulus in "
                    + MAX_TEMP_KEY_ATTEMPTS + " attempts; the random source looks broken");
        } finally {
            Arrays.fill(tempKey, (byte) 0);
            Arrays.fill(dataWithPadding, (byte) 0);
        }
    }

    /**
     * Server side: decrypts {@code encrypted_data} with the private key and checks it.
     *
     * @param encryptedData the 256 bytes the client sent
     * @param key the server's private key
     * @return {@code data_with_padding}: the 192 bytes starting with the client's {@code p_q_inner_data*}
     *     (the TL reader finds where it ends)
     * @throws SecurityCheckException if the length is not 256, the value is not below the modulus, or the
     *     SHA-256 inside does not match
     */
    public static byte[] decrypt(byte[] encryptedData, RsaPrivateKey key) {
        Objects.requireNonNull(encryptedData, "encryptedData");
        if (encryptedData.length != KEY_AES_ENCRYPTED_LENGTH) {
            throw new SecurityCheckException("RSA_PAD encrypted_data is " + encryptedData.length + " bytes, not 256");
        }
        BigInteger modulus = key.publicKey().modulus();
        if (new BigInteger(1, encryptedData).compareTo(modulus) >= 0) {
            throw new SecurityCheckException("RSA_PAD encrypted_data is not below the RSA modulus");
        }
        byte[] keyAesEncrypted = key.decryptRaw(encryptedData);
        if (keyAesEncrypted.length != KEY_AES_ENCRYPTED_LENGTH
                || new BigInteger(1, keyAesEncrypted).compareTo(modulus) >= 0) {
            throw new SecurityCheckException("RSA_PAD key_aes_encrypted is not below the RSA modulus");
        }
        byte[] aesEncrypted = Arrays.copyOfRange(keyAesEncrypted, TEMP_KEY_LENGTH, KEY_AES_ENCRYPTED_LENGTH);
        byte[] tempKey = Digests.sha256(aesEncrypted);
        for (int i = 0; i < TEMP_KEY_LENGTH; i++) {
            tempKey[i] ^= keyAesEncrypted[i];
        }
        byte[] dataWithHash = AesIge.decrypt(tempKey, ZERO_IV, aesEncrypted);
        byte[] dataWithPadding = reversed(Arrays.copyOf(dataWithHash, PADDED_LENGTH));
        byte[] expected = Digests.sha256(tempKey, dataWithPadding);
        byte[] received = Arrays.copyOfRange(dataWithHash, PADDED_LENGTH, PADDED_LENGTH + 32);
        Arrays.fill(tempKey, (byte) 0);
        Arrays.fill(dataWithHash, (byte) 0);
        Arrays.fill(keyAesEncrypted, (byte) 0);
        if (!MessageDigest.isEqual(expected, received)) {
            Arrays.fill(dataWithPadding, (byte) 0);
            throw new SecurityCheckException("RSA_PAD hash SHA256(temp_key + data_with_padding) does not match");
        }
        return dataWithPadding;
    }

    /** Steps 2 to 7: {@code key_aes_encrypted} (256 bytes) from {@code data_with_padding} and {@code temp_key}. */
    static byte[] keyAesEncrypted(byte[] dataWithPadding, byte[] tempKey) {
        byte[] dataWithHash = dataWithHash(dataWithPadding, tempKey);
        byte[] aesEncrypted = AesIge.encrypt(tempKey, ZERO_IV, dataWithHash);
        byte[] tempKeyXor = Digests.sha256(aesEncrypted);
        for (int i = 0; i < TEMP_KEY_LENGTH; i++) {
            tempKeyXor[i] ^= tempKey[i];
        }
        byte[] out = new byte[KEY_AES_ENCRYPTED_LENGTH];
        System.arraycopy(tempKeyXor, 0, out, 0, TEMP_KEY_LENGTH);
        System.arraycopy(aesEncrypted, 0, out, TEMP_KEY_LENGTH, aesEncrypted.length);
        Arrays.fill(dataWithHash, (byte) 0);
        return out;
    }

    /** Steps 2 and 4: {@code data_pad_reversed + SHA256(temp_key + data_with_padding)} (224 bytes). */
    static byte[] dataWithHash(byte[] dataWithPadding, byte[] tempKey) {
        byte[] out = new byte[PADDED_LENGTH + 32];
        byte[] reversed = reversed(dataWithPadding);
        System.arraycopy(reversed, 0, out, 0, PADDED_LENGTH);
        System.arraycopy(Digests.sha256(tempKey, dataWithPadding), 0, out, PADDED_LENGTH, 32);
        return out;
    }

    static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
