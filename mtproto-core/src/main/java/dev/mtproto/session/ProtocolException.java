package dev.mtproto.session;

import dev.mtproto.MtprotoException;

/**
 * Base of the failures of a call that come from the session itself rather than from the server's answer:
 * {@link MessageRejectedException}, {@link SessionClosedException}, {@link OutcomeUnknownException},
 * {@link RequestTooLargeException}. Catch the subclass that says what happened; each tells whether the
 * call may have run ({@link #mayHaveRun()}).
 */
public abstract class ProtocolException extends MtprotoException implements UnansweredCall {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    protected ProtocolException(String message) {
        super(message);
    }
}
