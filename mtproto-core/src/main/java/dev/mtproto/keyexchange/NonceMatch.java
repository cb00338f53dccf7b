package dev.mtproto.keyexchange;

import java.security.MessageDigest;

/** Compares the nonces an answer repeats with the ones this side knows. */
final class NonceMatch {
    private NonceMatch() {
    }

    /**
     * Checks that {@code received} equals {@code expected} (in constant time).
     *
     * @param step the message being checked, for the exception
     * @param field the field's TL name ({@code "nonce"}, {@code "server_nonce"})
     * @param expected the value this side knows
     * @param received the value in the message
     * @param source where the expected value came from, e.g. {@code "req_pq_multi"}
     * @throws KeyExchangeException if they differ
     */
    static void require(String step, String field, byte[] expected, byte[] received, String source) {
        if (!MessageDigest.isEqual(expected, received)) {
            throw new KeyExchangeException(step, field + " does not match the one in " + source);
        }
    }
}
