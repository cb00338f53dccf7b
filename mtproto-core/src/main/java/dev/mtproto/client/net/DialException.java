package dev.mtproto.client.net;

import dev.mtproto.MtprotoException;

/**
 * A connection could not be opened for a reason that retrying will not fix: a proxy refused our
 * credentials, a proxy answered with a protocol we do not speak, a configuration is wrong. The message says
 * which step failed and what to change.
 */
public class DialException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** @param message which step failed, and how to fix it */
    public DialException(String message) {
        super(message);
    }

    /**
     * @param message which step failed, and how to fix it
     * @param cause the underlying failure
     */
    public DialException(String message, Throwable cause) {
        super(message, cause);
    }
}
