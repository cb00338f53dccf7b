package dev.mtproto.client;

import dev.mtproto.MtprotoException;

/**
 * The client was closed (or is stopping) before the call could complete, or the call was made after
 * {@link MtprotoClient#close()}. A call that was already sent may have run on the server.
 */
public final class ClientClosedException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ClientClosedException() {
        super("the client is closed");
    }
}
