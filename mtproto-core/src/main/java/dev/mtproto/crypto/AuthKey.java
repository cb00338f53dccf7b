package dev.mtproto.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A 2048-bit MTProto authorization key, with the values derived from it: {@code auth_key_id} (the 64
 * lower-order bits of SHA1(auth_key), i.e. bytes 12..20 read as a little-endian long, as sent on the
 * wire) and {@code auth_key_aux_hash} (the 64 higher-order bits, bytes 0..8).
 *
 * <p>The key bytes are copied in and out, never shared, and never appear in {@link #toString()};
 * {@code toString} shows only the key id. Until it is {@linkplain #destroy() destroyed} a key never
 * changes. Each key object has one owner, the only one who may destroy it: whoever hands a key to
 * someone who may destroy theirs hands a {@link #copy()}. Destroying overwrites the key bytes and
 * {@code auth_key_aux_hash} with zeros; afterwards everything that needs them throws
 * {@link IllegalStateException}, while {@link #id()}, {@link #toString()} and {@link #hashCode()} keep
 * working.
 */
public final class AuthKey implements Destroyable {
    /** Size of an authorization key in bytes. */
    public static final int SIZE = 256;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] key;
    private final long id;
    private final byte[] auxHash;
    private volatile boolean destroyed;

    private AuthKey(byte[] key) {
        this.key = key;
        byte[] sha1 = Digests.sha1(key);
        this.id = (long) LONGS.get(sha1, 12);
        this.auxHash = Arrays.copyOfRange(sha1, 0, 8);
        Arrays.fill(sha1, (byte) 0);
    }

    private AuthKey(byte[] key, long id, byte[] auxHash) {
        this.key = key;
        this.id = id;
        this.auxHash = auxHash;
    }

    /**
     * Creates a key from its 256 bytes, copying them.
     *
     * @param key the key bytes as used by MTProto (big-endian value of {@code g^(ab) mod dh_prime})
     * @return the key
     * @throws IllegalArgumentException if {@code key} is not 256 bytes long
     */
    public static AuthKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != SIZE) {
            throw new IllegalArgumentException("auth_key must be 256 bytes, not " + key.length);
        }
        return new AuthKey(key.clone());
    }

    /**
     * Creates a key from the Diffie-Hellman result {@code g^(ab) mod dh_prime}, written as 256 big-endian
     * bytes (left-padded with zeros when the number is shorter).
     *
     * @param sharedSecret the DH result, {@code 0 < sharedSecret < 2^2048}
     * @return the key
     * @throws IllegalArgumentException if the number is not positive or needs more than 2048 bits
     */
    public static AuthKey fromDhResult(BigInteger sharedSecret) {
        if (sharedSecret.signum() <= 0 || sharedSecret.bitLength() > SIZE * 8) {
            throw new IllegalArgumentException("DH result must be in (0, 2^2048)");
        }
        return new AuthKey(BigEndianNumbers.toFixedBigEndian(sharedSecret, SIZE));
    }

    /**
     * Returns {@code auth_key_id}: the last 8 bytes of SHA1(auth_key) read as a little-endian long, the
     * same value a TL reader gets from the first 8 bytes of an encrypted message.
     *
     * @return the key id
     */
    public long id() {
        return id;
    }

    /**
     * Returns {@code auth_key_aux_hash}: the first 8 bytes of SHA1(auth_key), as used in
     * {@code new_nonce_hash1/2/3}.
     *
     * @return a new 8-byte array
     * @throws IllegalStateException if the key was destroyed
     */
    public byte[] auxHash() {
        checkNotDestroyed();
        return auxHash.clone();
    }

    /**
     * Returns a copy of the 256 key bytes, for example to persist the key. Treat the result as a secret.
     *
     * @return a new 256-byte array
     * @throws IllegalStateException if the key was destroyed
     */
    public byte[] toByteArray() {
        return bytes().clone();
    }

    /**
     * Returns another key object with the same bytes, for a new owner: destroying either leaves the other
     * intact.
     *
     * @return a new key, equal to this one
     * @throws IllegalStateException if the key was destroyed
     */
    public AuthKey copy() {
        return new AuthKey(bytes().clone(), id, auxHash());
    }

    /**
     * Overwrites the key bytes and {@code auth_key_aux_hash} with zeros; from now on everything that needs
     * them throws {@link IllegalStateException}. Call it only as the key's owner, once nothing uses the key
     * any more (a cipher using it on another thread would see zeros). Calling it again does nothing. The
     * garbage collector may have copied the bytes before; Java offers no way to reach such copies.
     */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
        Arrays.fill(auxHash, (byte) 0);
    }

    /**
     * Tells whether {@link #destroy()} was called.
     *
     * @return true once the key bytes are zeros
     */
    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /**
     * The key bytes themselves, for this package's hot paths; never modify or leak them.
     *
     * @throws IllegalStateException if the key was destroyed
     */
    byte[] bytes() {
        checkNotDestroyed();
        return key;
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("auth key " + String.format("%016x", id) + " was destroyed");
        }
    }

    /**
     * Compares key bytes in constant time; a destroyed key equals only itself (its bytes are gone).
     */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        return other instanceof AuthKey that && !destroyed && !that.destroyed && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    /** Shows the key id only (and whether it was destroyed), never key bytes. */
    @Override
    public String toString() {
        return "AuthKey[id=" + String.format("%016x", id) + (destroyed ? ", destroyed" : "") + "]";
    }
}
