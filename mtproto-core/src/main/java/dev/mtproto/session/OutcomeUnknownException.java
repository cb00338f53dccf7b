package dev.mtproto.session;

/**
 * Whether the server executed the call cannot be known: it was sent, the session it was sent in was
 * abandoned or the server could no longer tell about it, and no answer came. Making the call again may
 * run it twice; check its effect first (for example whether the message was sent) where that matters.
 */
public final class OutcomeUnknownException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /**
     * @param method the TL name of the call
     * @param why what made the outcome unknowable
     */
    public OutcomeUnknownException(String method, String why) {
        super(method + ": outcome unknown, it may have run: " + why);
    }

    /** @return {@code true}: the call was sent and no answer will come */
    @Override
    public boolean mayHaveRun() {
        return true;
    }
}
