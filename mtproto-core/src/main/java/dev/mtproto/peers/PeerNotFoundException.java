package dev.mtproto.peers;

import dev.mtproto.MtprotoException;

/** A peer could not be found: {@link #query()} is what was asked for, the message says what was tried. */
public final class PeerNotFoundException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    private final String query;

    /**
     * @param query what was asked for, as given
     * @param why what was tried and what it answered
     */
    public PeerNotFoundException(String query, String why) {
        super("no peer '" + query + "': " + why);
        this.query = query;
    }

    /**
     * @param query what was asked for
     * @param why what was tried
     * @param cause the failure that ended the search
     */
    public PeerNotFoundException(String query, String why, Throwable cause) {
        super("no peer '" + query + "': " + why, cause);
        this.query = query;
    }

    /** @return what was asked for */
    public String query() {
        return query;
    }
}
