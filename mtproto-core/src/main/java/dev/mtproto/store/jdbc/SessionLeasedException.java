package dev.mtproto.store.jdbc;

import dev.mtproto.store.SessionStoreException;
import java.time.Instant;
import java.util.Objects;

/**
 * A JDBC session is leased by another store (another process, or another store of this one), so it cannot
 * be opened: two clients on one session would each use its keys at once, and Telegram answers that with
 * {@code AUTH_KEY_DUPLICATED} and revokes them. The exception names the holder and when its lease expires
 * (by the database's clock); a store built to wait for the lease throws it only after waiting.
 */
public class SessionLeasedException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    /** The session's name. */
    private final String sessionName;
    /** Who holds the lease, as it named itself. */
    private final String holder;
    /** When the lease expires unless renewed, by the database's clock. */
    private final Instant expiresAt;

    /**
     * Creates the exception.
     *
     * @param sessionName the session's name
     * @param holder who holds the lease
     * @param expiresAt when the lease expires unless renewed (database time)
     * @param waited how long this opener waited, in milliseconds (0: it did not wait)
     */
    public SessionLeasedException(String sessionName, String holder, Instant expiresAt, long waited) {
        super("JDBC session '" + sessionName + "' is leased by " + holder + " until " + expiresAt
                + " (database time, renewed while that client runs)" + (waited > 0 ? "; waited " + waited + " ms" : "")
                + ". Two clients on one session would cause AUTH_KEY_DUPLICATED: stop that client, or open the store"
                + " with waitForLease(...) to take the session over once its lease expires.");
        this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Returns the session's name.
     *
     * @return the name
     */
    public String sessionName() {
        return sessionName;
    }

    /**
     * Returns who holds the lease, as it named itself (by default {@code pid@host}).
     *
     * @return the holder
     */
    public String holder() {
        return holder;
    }

    /**
     * Returns when the lease expires unless its holder renews it, by the database's clock.
     *
     * @return the expiry
     */
    public Instant expiresAt() {
        return expiresAt;
    }
}
