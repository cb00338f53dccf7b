package dev.mtproto.crypto;

import dev.mtproto.MtprotoException;

/**
 * A key given as PEM or DER text could not be read: a missing or unexpected PEM label, bad Base64, or a
 * DER structure that is not the expected RSA key. The message says which; it never contains key bytes.
 */
public class KeyFormatException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception naming what was wrong with the key text.
     *
     * @param message what could not be read
     */
    public KeyFormatException(String message) {
        super(message);
    }

    /**
     * Creates an exception naming what was wrong, with the underlying cause.
     *
     * @param message what could not be read
     * @param cause the parser's or provider's exception
     */
    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
