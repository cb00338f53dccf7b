package dev.mtproto.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * One direction of {@link AesIge}: its JCA cipher and the state of the IGE chain, the previous ciphertext
 * block {@code c_(i-1)} and the previous plaintext block {@code m_(i-1)}, each held as two little-endian
 * longs. Not thread-safe.
 */
abstract sealed class IgeDirection permits IgeEncryptor, IgeDecryptor {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    long prevCipher0;
    long prevCipher1;
    long prevPlain0;
    long prevPlain1;

    /**
     * Initialises the JCA cipher with a new key.
     *
     * @param key the AES key
     * @throws CryptoProviderException if the runtime refuses the key
     */
    abstract void initCipher(SecretKey key);

    /**
     * Starts a new chain from a 32-byte IV: {@code c_0} then {@code m_0}.
     *
     * @param iv the array holding the IV
     * @param offset where it starts
     */
    void start(byte[] iv, int offset) {
        prevCipher0 = (long) LONGS.get(iv, offset);
        prevCipher1 = (long) LONGS.get(iv, offset + 8);
        prevPlain0 = (long) LONGS.get(iv, offset + 16);
        prevPlain1 = (long) LONGS.get(iv, offset + 24);
    }

    /**
     * Processes whole blocks, continuing the chain. The caller has checked the ranges, and made
     * partly overlapping ones identical.
     *
     * @param src input array
     * @param srcOffset where the input starts
     * @param length a positive multiple of 16
     * @param dst output array
     * @param dstOffset where the output starts
     */
    abstract void process(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset);

    /**
     * Writes the IV that continues the chain: the last ciphertext block, then the last plaintext block.
     *
     * @param dst where to write the 32 bytes
     * @param offset where to start writing
     */
    void currentIv(byte[] dst, int offset) {
        Objects.checkFromIndexSize(offset, AesIge.IV_SIZE, dst.length);
        LONGS.set(dst, offset, prevCipher0);
        LONGS.set(dst, offset + 8, prevCipher1);
        LONGS.set(dst, offset + 16, prevPlain0);
        LONGS.set(dst, offset + 24, prevPlain1);
    }

    /**
     * Creates a JCA cipher.
     *
     * @param transformation such as {@code AES/CBC/NoPadding}
     * @return the cipher
     * @throws CryptoProviderException if the runtime has none
     */
    static javax.crypto.Cipher newCipher(String transformation) {
        try {
            return javax.crypto.Cipher.getInstance(transformation);
        } catch (java.security.GeneralSecurityException e) {
            throw new CryptoProviderException("the runtime has no " + transformation, e);
        }
    }
}
