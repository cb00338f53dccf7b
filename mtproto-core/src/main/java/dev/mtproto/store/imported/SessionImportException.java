package dev.mtproto.store.imported;

import dev.mtproto.store.SessionStoreException;

/**
 * Another library's session string was recognised but cannot be used (for example it holds no key or a DC
 * id out of range). The message names the format and never contains the string or a part of it.
 */
public class SessionImportException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception saying what is wrong.
     *
     * @param message what is wrong, never a part of the string
     */
    public SessionImportException(String message) {
        super(message);
    }
}
