package dev.mtproto.transport;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 computations of FakeTLS: the ClientHello's random over the hello with that field zeroed,
 * and the ServerHello's random over the client's random and the reply with that field zeroed. Both randoms
 * sit at bytes {@code [11:43]} of their first record.
 */
final class FakeTlsHmac {
    /** Where the 32-byte random starts in a hello record (5-byte record header, 4-byte handshake header, version). */
    static final int RANDOM_OFFSET = 11;
    static final int RANDOM_LENGTH = 32;
    /** Where the little-endian time is XORed into the client random's last 4 bytes. */
    static final int TIME_OFFSET = RANDOM_OFFSET + 28;

    private FakeTlsHmac() {
    }

    /**
     * @param key the 16-byte secret
     * @param prefix bytes hashed first (the client random for a server reply), or empty
     * @param record the record(s) whose random field is to be zeroed for the computation (not modified)
     * @return HMAC-SHA256(key, prefix || record with [11:43] zeroed)
     */
    static byte[] overZeroedRandom(byte[] key, byte[] prefix, byte[] record) {
        byte[] zeroed = record.clone();
        Arrays.fill(zeroed, RANDOM_OFFSET, RANDOM_OFFSET + RANDOM_LENGTH, (byte) 0);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(zeroed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** @return whether the two ranges are equal, in time independent of where they differ */
    static boolean sameBytes(byte[] a, int aOff, byte[] b, int bOff, int len) {
        return MessageDigest.isEqual(Arrays.copyOfRange(a, aOff, aOff + len), Arrays.copyOfRange(b, bOff, bOff + len));
    }
}
