package dev.mtproto.files;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts CDN parts (https://core.telegram.org/cdn): AES-256-CTR with the key of the
 * {@code upload.fileCdnRedirect} and its IV whose last 4 bytes are replaced by the part's offset / 16, big-endian.
 * Immutable; the key never reaches a string.
 */
final class CdnCipher {
    private final SecretKeySpec key;
    private final byte[] iv;

    /**
     * @param key the 32-byte key
     * @param iv the 16-byte IV
     * @throws FilePartException if either has another length
     */
    CdnCipher(byte[] key, byte[] iv) {
        if (key.length != 32 || iv.length != 16) {
            throw new FilePartException(0, "the CDN redirection has a key of " + key.length + " bytes and an IV of "
                    + iv.length + " bytes; AES-256-CTR needs 32 and 16");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.iv = iv.clone();
    }

    /**
     * @param data a part as the CDN sent it; decrypted in place
     * @param offset its offset in the file (divisible by 16)
     * @return the same array, decrypted
     */
    byte[] decrypt(byte[] data, long offset) {
        byte[] counter = Arrays.copyOf(iv, 16);
        int block = (int) (offset >>> 4);
        counter[12] = (byte) (block >>> 24);
        counter[13] = (byte) (block >>> 16);
        counter[14] = (byte) (block >>> 8);
        counter[15] = (byte) block;
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
            int n = cipher.doFinal(data, 0, data.length, data, 0);
            if (n != data.length) {
                throw new IllegalStateException("AES-CTR gave " + n + " bytes for " + data.length);
            }
            return data;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot run AES-256-CTR", e);
        }
    }

    @Override
    public String toString() {
        return "CdnCipher";
    }
}
