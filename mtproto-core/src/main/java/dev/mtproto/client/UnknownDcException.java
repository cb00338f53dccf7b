package dev.mtproto.client;

import dev.mtproto.MtprotoException;
import java.util.Set;

/** The client has no address for a DC it must connect to (for example a home DC read from an old session store). */
public final class UnknownDcException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /**
     * @param connection the connection that needed an address
     * @param known the DCs the options do have
     */
    public UnknownDcException(ConnectionId connection, Set<Integer> known) {
        super("no address for " + connection + " (the DC options know DCs " + known + "); add its address with"
                + " ClientConfigBuilder.dcOptions, or clear the session store if it names a DC of another environment");
    }
}
