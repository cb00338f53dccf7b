package dev.mtproto.session;

/** Why an incoming frame or message was dropped; counted, never fatal to the connection. */
public enum DropReason {
    /** Decryption failed a check: auth key id, msg_key, lengths or padding. */
    SECURITY_CHECK,
    /** The session id is not ours. */
    WRONG_SESSION,
    /** The msg_id has the low bits of a client message, or is 0. */
    BAD_MESSAGE_ID,
    /** The msg_id is too far from the server time. */
    OUTSIDE_TIME_WINDOW,
    /** Seen before: duplicate or replayed. */
    DUPLICATE,
    /** Older than anything the replay window remembers. */
    TOO_OLD,
    /** The body could not be decoded. */
    MALFORMED,
    /** A constructor the session does not handle. */
    UNKNOWN_CONSTRUCTOR,
    /** An answer to a call the session no longer waits for (answered, cancelled or timed out). */
    UNKNOWN_REQUEST,
    /** A {@code bad_msg_notification} about a msg_id we did not send (or no longer remember): not acted on. */
    NOT_OUR_MESSAGE
}
