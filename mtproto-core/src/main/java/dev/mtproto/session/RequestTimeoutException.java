package dev.mtproto.session;

import dev.mtproto.MtprotoException;

/**
 * A call got no answer before its deadline. {@link #sent()} and {@link #acknowledged()} tell whether
 * retrying is safe: a call never sent did not run; one sent may have run, and one the server acknowledged
 * reached it (and probably ran or is running).
 */
public final class RequestTimeoutException extends MtprotoException implements UnansweredCall {
    private static final long serialVersionUID = 1L;

    private final boolean sent;
    private final boolean acknowledged;

    /**
     * @param method the TL name of the call
     * @param sent whether the call had been sent
     * @param acknowledged whether the server acknowledged receiving it
     */
    public RequestTimeoutException(String method, boolean sent, boolean acknowledged) {
        super(method + " got no answer before its deadline; " + advice(sent, acknowledged));
        this.sent = sent;
        this.acknowledged = acknowledged;
    }

    private static String advice(boolean sent, boolean acknowledged) {
        if (!sent) {
            return "it was never sent, so retrying is safe";
        }
        return acknowledged ? "the server acknowledged it, so it may have run: retrying may run it twice"
                : "it was sent but not acknowledged, so it may have run: retrying may run it twice";
    }

    /** @return whether the call had been sent (if not, it did not run) */
    public boolean sent() {
        return sent;
    }

    /** @return {@link #sent()}: a call never sent did not run */
    @Override
    public boolean mayHaveRun() {
        return sent;
    }

    /** @return whether the server acknowledged receiving the call */
    public boolean acknowledged() {
        return acknowledged;
    }
}
