package dev.mtproto.store.string;

import dev.mtproto.store.SessionStoreException;

/**
 * A string given as a session string cannot be used: it is not one, it is truncated or was changed (its
 * checksum does not match), or it holds a value no store accepts. The message says which, and never
 * contains the string or any part of it (a session string gives full access to the account).
 */
public class SessionStringException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception saying what is wrong.
     *
     * @param message what is wrong, never a part of the string
     */
    public SessionStringException(String message) {
        super(message);
    }
}
