package dev.mtproto.session;

/**
 * The session (or the client owning it) was closed while the call was pending. {@link #sent()} tells
 * whether the call had left: a call never sent did not run; one that was sent may have.
 */
public final class SessionClosedException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final boolean sent;

    /**
     * @param reason why the session was closed
     * @param sent whether the call had been sent to the server
     */
    public SessionClosedException(String reason, boolean sent) {
        super("session closed: " + reason + (sent ? " (the call had been sent and may have run)" : " (the call was never sent)"));
        this.sent = sent;
    }

    /** @return {@link #sent()}: a call never sent did not run */
    @Override
    public boolean mayHaveRun() {
        return sent;
    }

    /** @return whether the call had been sent, so may have run */
    public boolean sent() {
        return sent;
    }
}
