package dev.mtproto.session;

import dev.mtproto.MtprotoException;

/** A call got no answer before its deadline. Whether the server executed it is unknown. */
public final class RequestTimeoutException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** @param method the TL name of the call */
    public RequestTimeoutException(String method) {
        super(method + " got no answer before its deadline");
    }
}
