package dev.mtproto.crypto;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw AES key whose bytes can be replaced, so that a long-lived {@link javax.crypto.Cipher} can be
 * re-initialised with a new key without building a {@link javax.crypto.spec.SecretKeySpec} each time.
 * {@link #getEncoded()} returns a copy, as the {@link java.security.Key} contract expects. Never
 * serialised; its {@code toString} shows no key bytes.
 */
final class ReusableAesKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private byte[] bytes = new byte[32];

    /**
     * Replaces the key bytes.
     *
     * @throws IllegalArgumentException if {@code length} is not 16, 24 or 32
     */
    void set(byte[] source, int offset, int length) {
        if (length != 16 && length != 24 && length != 32) {
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
        return "AES";
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
        return "ReusableAesKey[" + bytes.length * 8 + " bits, hidden]";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("key material is never serialised");
    }
}
