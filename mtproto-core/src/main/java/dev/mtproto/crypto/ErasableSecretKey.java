package dev.mtproto.crypto;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw secret key whose bytes we own: they can be replaced, so that a long-lived
 * {@link javax.crypto.Cipher} or {@link javax.crypto.Mac} is re-initialised with a new key without building
 * a {@link javax.crypto.spec.SecretKeySpec} each time, and erased after use (a {@code SecretKeySpec} keeps
 * an unreachable copy). {@link #getEncoded()} returns a copy, as the {@link java.security.Key} contract
 * expects. Never serialised; its {@code toString} shows no key bytes.
 */
final class ErasableSecretKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private byte[] bytes = new byte[0];

    /** @param algorithm the JCA algorithm the key is for, e.g. {@code AES} or {@code HmacSHA512} */
    ErasableSecretKey(String algorithm) {
        this.algorithm = algorithm;
    }

    /** @return an AES key; {@link #set} then accepts 16, 24 or 32 bytes only */
    static ErasableSecretKey aes() {
        return new ErasableSecretKey("AES");
    }

    /**
     * Replaces the key bytes with a copy of {@code source[offset, offset + length)}.
     *
     * @throws IllegalArgumentException for an AES key, if {@code length} is not 16, 24 or 32
     */
    void set(byte[] source, int offset, int length) {
        if ("AES".equals(algorithm) && length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("AES key length must be 16, 24 or 32 bytes, not " + length);
        }
        if (bytes.length != length) {
            Arrays.fill(bytes, (byte) 0);
            bytes = new byte[length];
        }
        System.arraycopy(source, offset, bytes, 0, length);
    }

    /** Overwrites the key bytes with zeros. */
    void erase() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return algorithm + " key[" + bytes.length * 8 + " bits, hidden]";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("key material is never serialised");
    }
}
