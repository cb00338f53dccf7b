package dev.mtproto.store.string;

import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionSnapshot;

/**
 * A session kept in memory and carried as one {@link SessionString}: start it from a string (an environment
 * variable, a secret), use it like any store, and {@link #exportString()} when the process should hand the
 * session on. Nothing is written anywhere by the store itself.
 *
 * <pre>{@code
 * StringSessionStore store = StringSessionStore.of(System.getenv("TELEGRAM_SESSION"));
 * }</pre>
 *
 * <p>Thread-safe like {@link MemorySessionStore}. {@link #toString()} never shows the session string or
 * any key.
 */
public final class StringSessionStore extends MemorySessionStore {

    private StringSessionStore(SessionSnapshot initial) {
        super(initial);
    }

    /**
     * Creates a store holding what a session string holds.
     *
     * @param sessionString the string, as {@link SessionString#export} made it
     * @return the store
     * @throws NullPointerException if {@code sessionString} is null
     * @throws SessionStringVersionException if the string declares a newer format version
     * @throws SessionStringException if the string cannot be used; the message never contains it
     */
    public static StringSessionStore of(String sessionString) {
        return new StringSessionStore(SessionString.decode(sessionString));
    }

    /**
     * Creates an empty store, for a first sign-in whose session is exported afterwards.
     *
     * @return the store
     */
    public static StringSessionStore empty() {
        return new StringSessionStore(SessionSnapshot.EMPTY);
    }

    /**
     * Returns everything the store holds now as a session string.
     *
     * @return the session string; keep it secret
     */
    public String exportString() {
        return SessionString.encode(snapshot());
    }
}
