package dev.mtproto.testkit.soak;

/** The faults the chaos soak injects, each armed on the test DC just before one call is made. */
enum FaultKind {
    /** The DC closes the connection where it would run the call, before running it. */
    DROP_BEFORE_ANSWER,
    /** The DC runs the call, then closes the connection instead of answering. */
    DROP_AFTER_ANSWER,
    /** The next frame the DC sends goes out twice. */
    DUPLICATED_FRAME,
    /** The DC sends again a frame it sent earlier. */
    REPLAYED_FRAME,
    /** The DC sends a frame of random bytes. */
    GARBAGE_FRAME,
    /** The DC changes the session's salt: the next client message gets {@code bad_server_salt}. */
    BAD_SERVER_SALT,
    /** The DC forgets the session: the next client message gets {@code new_session_created}. */
    NEW_SESSION_CREATED,
    /** The DC's clock jumps ahead by minutes. */
    CLOCK_JUMP_AHEAD,
    /** The DC's clock jumps back by minutes. */
    CLOCK_JUMP_BACK,
    /** The DC restarts: connections and sessions gone, keys kept, the port refused for a moment. */
    DC_RESTART,
    /** The next client frame gets transport error -429 and the connection is closed. */
    TRANSPORT_FLOOD,
    /** The DC runs the call only after the call's deadline has passed. */
    ANSWER_AFTER_DEADLINE
}
