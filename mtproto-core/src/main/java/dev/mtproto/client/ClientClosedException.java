package dev.mtproto.client;

import dev.mtproto.MtprotoException;
import dev.mtproto.session.UnansweredCall;

/**
 * The client was closed (or is stopping) before the call could complete, or the call was made after
 * {@link MtprotoClient#close()}. {@link #mayHaveRun()} tells whether the call had been handed to a session
 * (and so may have been sent and run) or was still waiting for a connection (it did not run).
 */
public final class ClientClosedException extends MtprotoException implements UnansweredCall {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveRun;

    /** Creates the exception for a call that never left the client. */
    public ClientClosedException() {
        this(false);
    }

    /**
     * Creates the exception.
     *
     * @param mayHaveRun whether the call had been handed to a session, so may have been sent and run
     */
    public ClientClosedException(boolean mayHaveRun) {
        super(mayHaveRun ? "the client is closed (the call may have been sent and run)" : "the client is closed (the call was never sent)");
        this.mayHaveRun = mayHaveRun;
    }

    /** @return whether the call had been handed to a session, so may have been sent and run */
    @Override
    public boolean mayHaveRun() {
        return mayHaveRun;
    }
}
