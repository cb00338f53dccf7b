package dev.mtproto.store.jdbc;

import dev.mtproto.store.SessionStoreException;
import java.util.Objects;

/**
 * A JDBC store lost the lease on its session: it could not renew it in time (the process stalled, or the
 * database was unreachable for longer than the lease), so the lease expired and another process may have
 * taken the session over. The store then refuses every write, so as never to overwrite the new holder's
 * data; close the client and the store.
 */
public class SessionLeaseLostException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    /** The session's name. */
    private final String sessionName;

    /**
     * Creates the exception.
     *
     * @param sessionName the session's name
     * @param holder this store's holder name
     */
    public SessionLeaseLostException(String sessionName, String holder) {
        super("The lease of JDBC session '" + sessionName + "' held by " + holder + " was lost (it expired before it"
                + " was renewed, and another client may have taken the session over); this store refuses writes so as"
                + " not to overwrite that client's data. Close the client and this store.");
        this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
    }

    /**
     * Returns the session's name.
     *
     * @return the name
     */
    public String sessionName() {
        return sessionName;
    }
}
