package dev.mtproto.updates;

/** What the engine does at start with the state stored by an earlier run. */
public enum CatchUp {
    /** Fetch and deliver everything missed since the stored state, every channel with a stored position too. */
    FROM_STORED_STATE,
    /** Start from now ({@code updates.getState}): what happened while the client was away is not delivered. */
    SKIP_TO_NOW
}
