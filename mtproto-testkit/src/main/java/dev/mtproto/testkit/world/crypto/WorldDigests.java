package dev.mtproto.testkit.world.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The message digests the world's server-side checks compute (SHA-256 for SRP, SHA-1 for MTProto v1). */
public final class WorldDigests {
    private WorldDigests() {
    }

    /**
     * @param parts what to hash, in order
     * @return SHA-256 of their concatenation
     */
    public static byte[] sha256(byte[]... parts) {
        return digest("SHA-256", parts);
    }

    /**
     * @param parts what to hash, in order
     * @return SHA-1 of their concatenation
     */
    public static byte[] sha1(byte[]... parts) {
        return digest("SHA-1", parts);
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm, e);
        }
    }
}
