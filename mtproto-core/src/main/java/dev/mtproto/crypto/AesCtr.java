package dev.mtproto.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * An AES-CTR key stream (as used by the obfuscated2 transport): XORs data with
 * {@code AES(key, iv), AES(key, iv + 1), ...}, continuing across calls at any byte position.
 * Encryption and decryption are the same operation.
 *
 * <p>Runs on the runtime's AES-CTR (intrinsic where available) in chunks of at most 4 KiB. In-place
 * processing goes through a 4 KiB scratch buffer of the calling thread (one per thread, not per stream, so
 * that thousands of idle connections do not each hold one), because the JCA provider would otherwise copy
 * the input on every overlapping call; no call allocates.
 *
 * <p><b>Not thread-safe</b>: one instance per stream direction.
 */
public final class AesCtr {
    private static final int CHUNK = 4096;

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[CHUNK]);

    private final Cipher cipher;

    /**
     * Creates a key stream starting at counter block {@code iv}.
     *
     * @param key the AES key (16, 24 or 32 bytes; obfuscated2 uses 32)
     * @param iv the 16-byte initial counter block (big-endian counter)
     * @throws IllegalArgumentException if a length is wrong
     * @throws CryptoProviderException if the runtime has no AES-CTR or refuses the key
     */
    public AesCtr(byte[] key, byte[] iv) {
        if (iv.length != 16) {
            throw new IllegalArgumentException("AES-CTR IV must be 16 bytes, not " + iv.length);
        }
        ErasableSecretKey k = ErasableSecretKey.aes();
        k.set(key, 0, key.length);
        try {
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("AES/CTR is not available or refused the key", e);
        } finally {
            k.erase();
        }
    }

    /**
     * XORs {@code length} bytes of {@code buffer} with the next key stream bytes, in place.
     *
     * @param buffer the data
     * @param offset where it starts
     * @param length how many bytes (any number, including zero)
     * @throws IndexOutOfBoundsException if the range lies outside {@code buffer}
     */
    public void apply(byte[] buffer, int offset, int length) {
        apply(buffer, offset, length, buffer, offset);
    }

    /**
     * XORs {@code length} bytes from {@code src} with the next key stream bytes into {@code dst}. The
     * ranges may overlap.
     *
     * @param src input array
     * @param srcOffset where the input starts
     * @param length how many bytes (any number, including zero)
     * @param dst output array
     * @param dstOffset where the output starts
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public void apply(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        boolean overlap = src == dst && srcOffset < dstOffset + length && dstOffset < srcOffset + length;
        byte[] scratch = overlap ? SCRATCH.get() : null;
        try {
            int done = 0;
            while (done < length) {
                int n = Math.min(CHUNK, length - done);
                if (overlap) {
                    // Ranges that overlap at different offsets are made to coincide first.
                    if (srcOffset != dstOffset) {
                        System.arraycopy(src, srcOffset, dst, dstOffset, length);
                        srcOffset = dstOffset;
                    }
                    cipher.update(dst, dstOffset + done, n, scratch, 0);
                    System.arraycopy(scratch, 0, dst, dstOffset + done, n);
                } else {
                    cipher.update(src, srcOffset + done, n, dst, dstOffset + done);
                }
                done += n;
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("AES/CTR update failed", e);
        } finally {
            if (overlap) {
                Arrays.fill(scratch, 0, Math.min(length, CHUNK), (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "AesCtr[key hidden]";
    }
}
