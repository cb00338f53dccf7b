package dev.mtproto.keyexchange;

import dev.mtproto.MtprotoException;

/**
 * The authorization-key exchange stopped: a message from the other party failed a check of the
 * <a href="https://core.telegram.org/mtproto/auth_key">auth_key</a> page or the security guidelines, was
 * malformed, or arrived out of order, or the local side was driven in the wrong order.
 *
 * <p>The message names the step and the check, for example
 * {@code "resPQ: nonce does not match the one sent in req_pq_multi"}. It never contains nonces that are
 * secret ({@code new_nonce}), Diffie-Hellman secrets, temporary keys or key bytes. After this exception the
 * state machine that threw it accepts nothing more; the caller drops the connection (server side) or
 * starts a new exchange, usually on a new connection (client side).
 */
public class KeyExchangeException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** The protocol step that failed. */
    private final String step;
    /** The check that failed. */
    private final String check;

    /**
     * Creates an exception for a failed check.
     *
     * @param step the protocol step, usually the TL name of the message being handled ({@code "resPQ"})
     * @param check what was checked and found wrong, never a secret
     */
    public KeyExchangeException(String step, String check) {
        super(step + ": " + check);
        this.step = step;
        this.check = check;
    }

    /**
     * Creates an exception for a failed check caused by a lower-level failure (a TL decoding error, a
     * failed crypto check).
     *
     * @param step the protocol step
     * @param check what was checked and found wrong, never a secret
     * @param cause the underlying failure
     */
    public KeyExchangeException(String step, String check, Throwable cause) {
        super(step + ": " + check, cause);
        this.step = step;
        this.check = check;
    }

    /**
     * The failure a state machine reports for an exception raised while it handled a message: a decoding
     * or crypto check failure becomes a {@code KeyExchangeException} naming the step; this exception, and
     * anything else (a bug), passes unchanged.
     */
    static RuntimeException of(String step, RuntimeException e) {
        if (e instanceof dev.mtproto.tl.TlDecodeException) {
            return new KeyExchangeException(step, "malformed message: " + e.getMessage(), e);
        }
        if (e instanceof dev.mtproto.crypto.SecurityCheckException) {
            return new KeyExchangeException(step, e.getMessage(), e);
        }
        return e;
    }

    /**
     * Returns the protocol step that failed.
     *
     * @return the step, e.g. {@code "server_DH_inner_data"}
     */
    public String step() {
        return step;
    }

    /**
     * Returns the check that failed, without the step.
     *
     * @return the check, e.g. {@code "g_a is outside [2^1984, dh_prime - 2^1984]"}
     */
    public String check() {
        return check;
    }
}
