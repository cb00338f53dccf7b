package dev.mtproto.store;

import dev.mtproto.MtprotoException;

/**
 * A {@link SessionStore} could not read or write its data, or found data in a form it cannot use.
 *
 * <p>Messages say what failed and where, and never contain key material. File stores throw the subclass
 * {@link SessionFileException}, which also names the file.
 */
public class SessionStoreException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what went wrong.
     *
     * @param message what went wrong, never a secret
     */
    public SessionStoreException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, never a secret
     * @param cause the failure that led to this one
     */
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
