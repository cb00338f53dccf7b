package dev.mtproto.crypto;

import java.util.Objects;

/**
 * AES in Infinite Garble Extension (IGE) mode, as MTProto uses it, over the runtime's AES (AES-NI where
 * the CPU has it).
 *
 * <p>IGE: {@code c_i = E(m_i XOR c_(i-1)) XOR m_(i-1)} and {@code m_i = D(c_i XOR m_(i-1)) XOR c_(i-1)}.
 * The 32-byte IV follows Telegram's (and OpenSSL's) convention: {@code iv[0:16]} is the initial
 * "previous ciphertext block" {@code c_0}, {@code iv[16:32]} the initial "previous plaintext block"
 * {@code m_0}.
 *
 * <p>How it is fast: encryption is CBC encryption over a pre-XORed input. With
 * {@code y_i = c_i XOR m_(i-1)} the IGE rule becomes {@code y_i = E((m_i XOR m_(i-2)) XOR y_(i-1))},
 * which is CBC over {@code x_i = m_i XOR m_(i-2)}; one XOR pass before and one after let the runtime's
 * CBC intrinsic do all AES work, in chunks of 4 KiB. Decryption has no such shortcut (each AES input
 * needs the previous plaintext), so it runs one ECB block at a time through
 * {@link javax.crypto.Cipher#update(byte[], int, int, byte[], int)} into fixed scratch blocks. Neither direction
 * allocates per block or per call (two 4 KiB scratch buffers are created once, on first use); only
 * {@code init*} allocates, inside the JCA provider, when the key changes (the provider expands a new key
 * schedule: about 650 bytes on JDK 25, 1.8 KB on JDK 17).
 *
 * <p>Calls into the JCA never exceed 4 KiB: measured on JDK 25, a single CBC call over 1 MiB ran at less
 * than half the speed of calls of 16 KiB or less.
 *
 * <p>One instance is meant to be reused for many messages by one connection. After an {@code init*}
 * call, successive {@link #process} calls continue the same IGE chain, so a message may be processed in
 * several parts. <b>Not thread-safe.</b>
 */
public final class AesIge {
    /** AES block size in bytes; every length given to {@link #process} must be a multiple of it. */
    public static final int BLOCK_SIZE = 16;
    /** Length of the IGE initialisation vector in bytes. */
    public static final int IV_SIZE = 32;

    private final ErasableSecretKey key = ErasableSecretKey.aes();
    private IgeEncryptor encryptor;
    private IgeDecryptor decryptor;
    /** The direction the last {@code init*} call chose; {@code null} before the first or after a refused key. */
    private IgeDirection active;

    /**
     * Creates an instance. The JCA ciphers are created on the first {@code init*} call of each direction.
     */
    public AesIge() {
    }

    /**
     * Encrypts {@code data} in one call, with a new instance. Meant for the key exchange, not for hot paths.
     *
     * @param key the AES key (16, 24 or 32 bytes)
     * @param iv the 32-byte IGE IV
     * @param data the plaintext, a multiple of 16 bytes long
     * @return a new array with the ciphertext
     * @throws IllegalArgumentException if the key, IV or data length is wrong
     */
    public static byte[] encrypt(byte[] key, byte[] iv, byte[] data) {
        AesIge ige = new AesIge();
        ige.initEncrypt(key, iv);
        byte[] out = new byte[data.length];
        ige.process(data, 0, data.length, out, 0);
        return out;
    }

    /**
     * Decrypts {@code data} in one call, with a new instance. Meant for the key exchange, not for hot paths.
     *
     * @param key the AES key (16, 24 or 32 bytes)
     * @param iv the 32-byte IGE IV
     * @param data the ciphertext, a multiple of 16 bytes long
     * @return a new array with the plaintext
     * @throws IllegalArgumentException if the key, IV or data length is wrong
     */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] data) {
        AesIge ige = new AesIge();
        ige.initDecrypt(key, iv);
        byte[] out = new byte[data.length];
        ige.process(data, 0, data.length, out, 0);
        return out;
    }

    /**
     * Prepares this instance to encrypt with a whole-array key and IV.
     *
     * @param key the AES key: 16, 24 or 32 bytes (MTProto always uses 32)
     * @param iv the 32-byte IGE IV
     * @throws IllegalArgumentException if {@code key} or {@code iv} has a wrong length
     */
    public void initEncrypt(byte[] key, byte[] iv) {
        requireIvLength(iv);
        initEncrypt(key, 0, key.length, iv, 0);
    }

    /**
     * Prepares this instance to decrypt with a whole-array key and IV.
     *
     * @param key the AES key: 16, 24 or 32 bytes (MTProto always uses 32)
     * @param iv the 32-byte IGE IV
     * @throws IllegalArgumentException if {@code key} or {@code iv} has a wrong length
     */
    public void initDecrypt(byte[] key, byte[] iv) {
        requireIvLength(iv);
        initDecrypt(key, 0, key.length, iv, 0);
    }

    /**
     * Prepares this instance to encrypt, starting a new IGE chain. The key bytes are copied into the
     * JCA cipher and not kept by this object.
     *
     * @param key array holding the AES key
     * @param keyOffset where the key starts
     * @param keyLength 16, 24 or 32
     * @param iv array holding the 32-byte IV
     * @param ivOffset where the IV starts
     * @throws IllegalArgumentException if {@code keyLength} is not 16, 24 or 32
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws CryptoProviderException if the runtime refuses the AES key
     */
    public void initEncrypt(byte[] key, int keyOffset, int keyLength, byte[] iv, int ivOffset) {
        Objects.checkFromIndexSize(keyOffset, keyLength, key.length);
        Objects.checkFromIndexSize(ivOffset, IV_SIZE, iv.length);
        if (encryptor == null) {
            encryptor = new IgeEncryptor();
        }
        start(encryptor, key, keyOffset, keyLength, iv, ivOffset);
    }

    /**
     * Prepares this instance to decrypt, starting a new IGE chain. The key bytes are copied into the
     * JCA cipher and not kept by this object.
     *
     * @param key array holding the AES key
     * @param keyOffset where the key starts
     * @param keyLength 16, 24 or 32
     * @param iv array holding the 32-byte IV
     * @param ivOffset where the IV starts
     * @throws IllegalArgumentException if {@code keyLength} is not 16, 24 or 32
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws CryptoProviderException if the runtime refuses the AES key
     */
    public void initDecrypt(byte[] key, int keyOffset, int keyLength, byte[] iv, int ivOffset) {
        Objects.checkFromIndexSize(keyOffset, keyLength, key.length);
        Objects.checkFromIndexSize(ivOffset, IV_SIZE, iv.length);
        if (decryptor == null) {
            decryptor = new IgeDecryptor();
        }
        start(decryptor, key, keyOffset, keyLength, iv, ivOffset);
    }

    private void start(IgeDirection direction, byte[] key, int keyOffset, int keyLength, byte[] iv, int ivOffset) {
        this.key.set(key, keyOffset, keyLength);
        try {
            direction.initCipher(this.key);
        } catch (CryptoProviderException e) {
            active = null;
            throw e;
        } finally {
            this.key.erase();
        }
        direction.start(iv, ivOffset);
        active = direction;
    }

    /**
     * Encrypts or decrypts (as the last {@code init*} call chose) {@code length} bytes from {@code src}
     * into {@code dst}, continuing the IGE chain. The ranges may be the same (in place) or overlap.
     *
     * @param src input array
     * @param srcOffset where the input starts
     * @param length number of bytes, a multiple of 16 (zero does nothing)
     * @param dst output array
     * @param dstOffset where the output starts
     * @throws IllegalStateException if neither {@code initEncrypt} nor {@code initDecrypt} was called
     * @throws IllegalArgumentException if {@code length} is negative or not a multiple of 16
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public void process(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
        IgeDirection direction = requireInitialised();
        if (length < 0 || (length & (BLOCK_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("IGE length " + length + " is not a multiple of 16");
        }
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        if (length == 0) {
            return;
        }
        if (src == dst && srcOffset != dstOffset
                && srcOffset < dstOffset + length && dstOffset < srcOffset + length) {
            // Partly overlapping ranges: move the input to the output position, then work in place.
            System.arraycopy(src, srcOffset, dst, dstOffset, length);
            srcOffset = dstOffset;
        }
        direction.process(src, srcOffset, length, dst, dstOffset);
    }

    /**
     * Encrypts or decrypts {@code length} bytes of {@code buffer} in place; see
     * {@link #process(byte[], int, int, byte[], int)}.
     *
     * @param buffer the data, overwritten with the result
     * @param offset where the data starts
     * @param length number of bytes, a multiple of 16
     * @throws IllegalStateException if this instance was not initialised
     * @throws IllegalArgumentException if {@code length} is not a multiple of 16
     * @throws IndexOutOfBoundsException if the range lies outside {@code buffer}
     */
    public void process(byte[] buffer, int offset, int length) {
        process(buffer, offset, length, buffer, offset);
    }

    /**
     * Writes the IV that continues the current chain (last ciphertext block, then last plaintext block;
     * after an {@code init*} call, the IV given to it).
     *
     * @param dst where to write the 32 bytes
     * @param offset where to start writing
     * @throws IllegalStateException if this instance was not initialised
     * @throws IndexOutOfBoundsException if 32 bytes do not fit at {@code offset}
     */
    public void currentIv(byte[] dst, int offset) {
        requireInitialised().currentIv(dst, offset);
    }

    @Override
    public String toString() {
        return "AesIge[" + (active == null ? "idle" : active == encryptor ? "encrypting" : "decrypting") + "]";
    }

    private IgeDirection requireInitialised() {
        IgeDirection direction = active;
        if (direction == null) {
            throw new IllegalStateException("AesIge was not initialised with initEncrypt or initDecrypt");
        }
        return direction;
    }

    private static void requireIvLength(byte[] iv) {
        if (iv.length != IV_SIZE) {
            throw new IllegalArgumentException("IGE IV must be 32 bytes, not " + iv.length);
        }
    }
}
