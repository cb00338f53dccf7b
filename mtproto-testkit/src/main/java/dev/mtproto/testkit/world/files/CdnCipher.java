package dev.mtproto.testkit.world.files;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of CDN files (https://core.telegram.org/cdn#decrypting-files): AES-256-CTR with the
 * redirect's {@code encryption_key}, and its {@code encryption_iv} with the last 4 bytes replaced by
 * {@code offset / 16}, big-endian, for a part at {@code offset} (a multiple of 16).
 */
final class CdnCipher {
    private CdnCipher() {
    }

    /**
     * @param key the 32-byte key
     * @param iv the 16-byte IV of the redirect
     * @param offset where the bytes lie in the file
     * @param bytes the plain bytes, encrypted in place
     * @return {@code bytes}
     */
    static byte[] apply(byte[] key, byte[] iv, long offset, byte[] bytes) {
        byte[] counter = iv.clone();
        ByteBuffer.wrap(counter, 12, 4).putInt((int) (offset / 16));
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
            int n = aes.doFinal(bytes, 0, bytes.length, bytes, 0);
            if (n != bytes.length) {
                throw new IllegalStateException("AES-CTR gave " + n + " bytes for " + bytes.length);
            }
            return bytes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot do AES-256-CTR", e);
        }
    }
}
