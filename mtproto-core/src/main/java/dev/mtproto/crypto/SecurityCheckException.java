package dev.mtproto.crypto;

import dev.mtproto.MtprotoException;

/**
 * A value received from the other party failed one of the protocol's security checks (a wrong
 * {@code auth_key_id}, a {@code msg_key} that does not match the decrypted data, a Diffie-Hellman value
 * outside the allowed range, a bad hash or padding, ...).
 *
 * <p>The message names the check that failed, for example
 * {@code "g_a is outside [2^1984, dh_prime - 2^1984]"}. It never contains key material, passwords or
 * decrypted data. A caller that receives this exception for a network message should drop the message
 * (and count it), not the connection's read loop.
 */
public class SecurityCheckException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception naming the failed check.
     *
     * @param failedCheck what was checked and found wrong, never a secret
     */
    public SecurityCheckException(String failedCheck) {
        super(failedCheck);
    }
}
