package dev.mtproto.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Creates the runtime's message digests for the algorithms MTProto needs and turns the provider's
 * checked exceptions into {@link CryptoProviderException}. Package-private.
 */
final class Digests {
    private Digests() {
    }

    static MessageDigest sha1() {
        return digest("SHA-1");
    }

    static MessageDigest sha256() {
        return digest("SHA-256");
    }

    static byte[] sha1(byte[]... parts) {
        MessageDigest md = sha1();
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest md = sha256();
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    /** Finishes {@code md} into {@code out[offset..offset+digestLength)} without allocating. */
    static void finish(MessageDigest md, byte[] out, int offset) {
        try {
            md.digest(out, offset, md.getDigestLength());
        } catch (DigestException e) {
            throw new CryptoProviderException(md.getAlgorithm() + " could not write its digest", e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoProviderException("the runtime has no " + algorithm, e);
        }
    }
}
