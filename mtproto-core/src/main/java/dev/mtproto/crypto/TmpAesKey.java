package dev.mtproto.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The temporary AES-256-IGE key and IV that protect {@code server_DH_inner_data} and
 * {@code client_DH_inner_data} during key exchange, derived from the nonces:
 *
 * <pre>
 * tmp_aes_key = SHA1(new_nonce + server_nonce) + substr(SHA1(server_nonce + new_nonce), 0, 12)
 * tmp_aes_iv  = substr(SHA1(server_nonce + new_nonce), 12, 8) + SHA1(new_nonce + new_nonce) + substr(new_nonce, 0, 4)
 * </pre>
 *
 * <p>Accessors return copies and {@code toString} hides both values. The key exchange that derived it
 * {@linkplain #erase() erases} it when the exchange ends; after that every accessor throws.
 */
public final class TmpAesKey {
    private final byte[] key;
    private final byte[] iv;
    private volatile boolean erased;

    private TmpAesKey(byte[] key, byte[] iv) {
        this.key = key;
        this.iv = iv;
    }

    /**
     * Derives the key and IV.
     *
     * @param newNonce the client's 32-byte {@code new_nonce}, in wire order
     * @param serverNonce the server's 16-byte {@code server_nonce}, in wire order
     * @return the derived key and IV
     * @throws IllegalArgumentException if a nonce has the wrong length
     */
    public static TmpAesKey derive(byte[] newNonce, byte[] serverNonce) {
        requireLength(newNonce, 32, "new_nonce");
        requireLength(serverNonce, 16, "server_nonce");
        byte[] newServer = Digests.sha1(newNonce, serverNonce);
        byte[] serverNew = Digests.sha1(serverNonce, newNonce);
        byte[] newNew = Digests.sha1(newNonce, newNonce);
        byte[] key = new byte[32];
        System.arraycopy(newServer, 0, key, 0, 20);
        System.arraycopy(serverNew, 0, key, 20, 12);
        byte[] iv = new byte[32];
        System.arraycopy(serverNew, 12, iv, 0, 8);
        System.arraycopy(newNew, 0, iv, 8, 20);
        System.arraycopy(newNonce, 0, iv, 28, 4);
        Arrays.fill(newServer, (byte) 0);
        Arrays.fill(serverNew, (byte) 0);
        Arrays.fill(newNew, (byte) 0);
        return new TmpAesKey(key, iv);
    }

    /**
     * Returns {@code tmp_aes_key}.
     *
     * @return a new 32-byte array
     * @throws IllegalStateException if the key was erased
     */
    public byte[] key() {
        return keyBytes().clone();
    }

    /**
     * Returns {@code tmp_aes_iv}.
     *
     * @return a new 32-byte array
     * @throws IllegalStateException if the key was erased
     */
    public byte[] iv() {
        return ivBytes().clone();
    }

    /**
     * Overwrites key and IV with zeros; the exchange calls it once it no longer needs them. A second call
     * does nothing.
     */
    public void erase() {
        erased = true;
        Arrays.fill(key, (byte) 0);
        Arrays.fill(iv, (byte) 0);
    }

    /**
     * Says whether {@link #erase()} was called.
     *
     * @return true once erased
     */
    public boolean isErased() {
        return erased;
    }

    byte[] keyBytes() {
        requireNotErased();
        return key;
    }

    byte[] ivBytes() {
        requireNotErased();
        return iv;
    }

    private void requireNotErased() {
        if (erased) {
            throw new IllegalStateException("tmp_aes_key was erased when its key exchange ended");
        }
    }

    /** Compares key and IV in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TmpAesKey that && MessageDigest.isEqual(key, that.key)
                && MessageDigest.isEqual(iv, that.iv);
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "TmpAesKey[hidden]";
    }

    static void requireLength(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, not " + value.length);
        }
    }
}
