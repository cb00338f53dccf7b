package dev.mtproto.session;

import dev.mtproto.MtprotoException;

/**
 * The session could not deliver a call because the protocol itself went wrong for it: the server kept
 * rejecting the message ({@code bad_msg_notification} more often than the resend limit), said the message
 * was malformed in a way resending cannot fix (codes 34, 35, 64), or the session was closed.
 */
public final class ProtocolException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ProtocolException(String message) {
        super(message);
    }
}
