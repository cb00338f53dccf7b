package dev.mtproto.keyexchange;

import dev.mtproto.crypto.CryptoProviderException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The {@code new_nonce_hash} of {@code server_DH_params_fail}: the 128 lower-order bits of
 * {@code SHA1(new_nonce)}, i.e. bytes 4..20 of the digest. (The crypto package has
 * {@code new_nonce_hash1/2/3} but not this one.)
 */
final class ServerDhParamsFailHash {
    private ServerDhParamsFailHash() {
    }

    /** Computes the 16-byte hash of the 32-byte {@code new_nonce}. */
    static byte[] of(byte[] newNonce) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(newNonce);
            return Arrays.copyOfRange(digest, 4, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoProviderException("the runtime has no SHA-1", e);
        }
    }
}
