package dev.mtproto.session;

/** Why a {@link ClientSession} started a new session on the same key. */
public enum SessionResetReason {
    /** {@code bad_msg_notification} 32: the server saw a seqno lower than it expected. */
    SEQNO_TOO_LOW,
    /** {@code bad_msg_notification} 33: the server saw a seqno higher than it expected. */
    SEQNO_TOO_HIGH,
    /**
     * {@code bad_msg_notification} 16/17 corrected the clock backwards past msg_ids already used; msg_ids
     * must rise within a session, so a new one begins at the corrected time.
     */
    CLOCK_WENT_BACK,
    /** The owner asked for it ({@link ClientSession#resetSession()}). */
    REQUESTED
}
