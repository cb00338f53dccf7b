package dev.mtproto.transport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The AES-256-CTR keys and IVs of an obfuscated2 connection, seen from one end: {@code encrypt*} for
 * the bytes this end sends, {@code decrypt*} for the bytes it receives.
 *
 * <p>From the client's 64-byte init header: encrypt key/IV = {@code init[8:40]} / {@code init[40:56]};
 * decrypt key/IV = the same ranges of the reversed header. With an MTProxy secret each key becomes
 * {@code SHA-256(key || secret16)}; IVs are unchanged. The server uses the same four values with the
 * directions swapped ({@link #forServer()}). {@link #toString()} never shows key material.
 *
 * @param encryptKey 32-byte key for outbound bytes
 * @param encryptIv 16-byte initial counter for outbound bytes
 * @param decryptKey 32-byte key for inbound bytes
 * @param decryptIv 16-byte initial counter for inbound bytes
 */
public record Obfuscated2Keys(byte[] encryptKey, byte[] encryptIv, byte[] decryptKey, byte[] decryptIv) {

    /**
     * Validates and copies the arrays.
     *
     * @param encryptKey 32-byte key for outbound bytes
     * @param encryptIv 16-byte initial counter for outbound bytes
     * @param decryptKey 32-byte key for inbound bytes
     * @param decryptIv 16-byte initial counter for inbound bytes
     * @throws IllegalArgumentException if a key is not 32 bytes or an IV not 16
     * @throws NullPointerException if any array is null
     */
    public Obfuscated2Keys {
        encryptKey = copy(encryptKey, 32, "encryptKey");
        encryptIv = copy(encryptIv, 16, "encryptIv");
        decryptKey = copy(decryptKey, 32, "decryptKey");
        decryptIv = copy(decryptIv, 16, "decryptIv");
    }

    /**
     * Derives the client's keys from an init header (only bytes 8..56 matter, which are sent in the
     * clear, so the plain and the sent header give the same keys).
     *
     * @param header the array holding the 64-byte header
     * @param off the index of its first byte
     * @param secret the MTProxy secret, or null for a direct connection
     * @return the keys as the client uses them
     * @throws IndexOutOfBoundsException if 64 bytes do not fit at {@code off}
     */
    public static Obfuscated2Keys derive(byte[] header, int off, MtproxySecret secret) {
        Objects.checkFromIndexSize(off, Obfuscated2Header.LENGTH, header.length);
        byte[] reversed = new byte[48];
        for (int i = 0; i < 48; i++) {
            reversed[i] = header[off + 55 - i];
        }
        byte[] encryptKey = Arrays.copyOfRange(header, off + 8, off + 40);
        byte[] encryptIv = Arrays.copyOfRange(header, off + 40, off + 56);
        byte[] decryptKey = Arrays.copyOfRange(reversed, 0, 32);
        byte[] decryptIv = Arrays.copyOfRange(reversed, 32, 48);
        if (secret != null) {
            MessageDigest sha256 = sha256();
            encryptKey = secret.mix(sha256, encryptKey);
            decryptKey = secret.mix(sha256, decryptKey);
        }
        return new Obfuscated2Keys(encryptKey, encryptIv, decryptKey, decryptIv);
    }

    /**
     * Returns the keys as the server uses them: the client's decrypt pair encrypts, its encrypt pair
     * decrypts.
     *
     * @return the swapped keys
     */
    public Obfuscated2Keys forServer() {
        return new Obfuscated2Keys(decryptKey, decryptIv, encryptKey, encryptIv);
    }

    /**
     * Returns the 32-byte key for outbound bytes.
     *
     * @return a fresh copy
     */
    @Override
    public byte[] encryptKey() {
        return encryptKey.clone();
    }

    /**
     * Returns the 16-byte initial counter for outbound bytes.
     *
     * @return a fresh copy
     */
    @Override
    public byte[] encryptIv() {
        return encryptIv.clone();
    }

    /**
     * Returns the 32-byte key for inbound bytes.
     *
     * @return a fresh copy
     */
    @Override
    public byte[] decryptKey() {
        return decryptKey.clone();
    }

    /**
     * Returns the 16-byte initial counter for inbound bytes.
     *
     * @return a fresh copy
     */
    @Override
    public byte[] decryptIv() {
        return decryptIv.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Obfuscated2Keys k && Arrays.equals(k.encryptKey, encryptKey)
                && Arrays.equals(k.encryptIv, encryptIv) && Arrays.equals(k.decryptKey, decryptKey)
                && Arrays.equals(k.decryptIv, decryptIv);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encryptKey) ^ Arrays.hashCode(decryptKey);
    }

    /** Redacted: key material never goes to logs. */
    @Override
    public String toString() {
        return "Obfuscated2Keys[redacted]";
    }

    private static byte[] copy(byte[] b, int length, String name) {
        Objects.requireNonNull(b, name);
        if (b.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + b.length);
        }
        return b.clone();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
