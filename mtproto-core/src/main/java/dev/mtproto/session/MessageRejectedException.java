package dev.mtproto.session;

/**
 * The server refused the message that carried a call, and resending cannot fix it: it kept answering
 * {@code bad_msg_notification} or {@code bad_server_salt} more often than the resend limit, or gave a code
 * that says the message itself is wrong (18, 34, 35, 64). The server did not execute the call, so making
 * the call again is safe.
 */
public final class MessageRejectedException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    /** The code {@link #code()} has when the resend limit was reached. */
    public static final int RESEND_LIMIT = 0;

    private final int code;

    /**
     * @param method the TL name of the call
     * @param code the {@code bad_msg_notification} error code, or {@link #RESEND_LIMIT}
     * @param why what the server said, in words
     */
    public MessageRejectedException(String method, int code, String why) {
        super(method + ": the server rejected the message: " + why + " (the call did not run; making it again is safe)");
        this.code = code;
    }

    /** @return {@code false}: the server refused the message, so it did not run the call */
    @Override
    public boolean mayHaveRun() {
        return false;
    }

    /** @return the {@code bad_msg_notification} error code, or {@link #RESEND_LIMIT} after too many resends */
    public int code() {
        return code;
    }
}
