package dev.mtproto.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * PBKDF2 (RFC 8018) with HMAC-SHA512, over binary passwords. The JCA's own PBKDF2 takes the password as
 * {@code char[]} and encodes it, which cannot express the binary {@code PH1} value SRP feeds in; this
 * implementation runs the iterations over {@link Mac} directly and reuses its buffers.
 */
public final class Pbkdf2HmacSha512 {
    private static final int BLOCK = 64;

    private Pbkdf2HmacSha512() {
    }

    /**
     * Derives {@code length} bytes.
     *
     * @param password the HMAC key bytes (not empty)
     * @param salt the salt
     * @param iterations the iteration count, at least 1
     * @param length the output length in bytes, at least 1
     * @return the derived key
     * @throws IllegalArgumentException if the password is empty or a count is not positive
     */
    public static byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (password.length == 0) {
            throw new IllegalArgumentException("PBKDF2 password must not be empty");
        }
        if (iterations < 1 || length < 1) {
            throw new IllegalArgumentException("PBKDF2 iterations and length must be positive");
        }
        ErasableSecretKey key = new ErasableSecretKey("HmacSHA512");
        key.set(password, 0, password.length);
        byte[] u = new byte[BLOCK];
        byte[] t = new byte[BLOCK];
        byte[] out = new byte[length];
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            int blocks = (length + BLOCK - 1) / BLOCK;
            for (int block = 1; block <= blocks; block++) {
                mac.update(salt);
                mac.update((byte) (block >>> 24));
                mac.update((byte) (block >>> 16));
                mac.update((byte) (block >>> 8));
                mac.update((byte) block);
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, BLOCK);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u, 0, BLOCK);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < BLOCK; j++) {
                        t[j] ^= u[j];
                    }
                }
                int offset = (block - 1) * BLOCK;
                System.arraycopy(t, 0, out, offset, Math.min(BLOCK, length - offset));
            }
            return out;
        } catch (ShortBufferException e) {
            throw new CryptoProviderException("HmacSHA512 output does not fit 64 bytes", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("HmacSHA512 is not available", e);
        } finally {
            key.erase();
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
    }
}
