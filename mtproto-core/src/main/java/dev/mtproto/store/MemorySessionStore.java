package dev.mtproto.store;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A {@link SessionStore} that keeps everything in memory: nothing survives the process, so every start
 * creates new authorization keys. Useful for tests and for short-lived tools.
 *
 * <p>Thread-safe without locks: the whole state is one immutable {@link SessionSnapshot} that each change
 * replaces atomically. A peer batch copies the peer table (linear in its size: about 3 ms for 10,000 peers).
 * Open for extension only so that stores kept in memory but carried elsewhere (the string session store)
 * can add to it; the state handling itself cannot be overridden.
 */
public class MemorySessionStore extends SnapshotSessionStore {
    private final AtomicReference<SessionSnapshot> contents;

    /** Creates an empty store. */
    public MemorySessionStore() {
        this(SessionSnapshot.EMPTY);
    }

    /**
     * Creates a store that starts with the given content.
     *
     * @param initial what the store holds at first
     * @throws NullPointerException if {@code initial} is null
     */
    public MemorySessionStore(SessionSnapshot initial) {
        this.contents = new AtomicReference<>(java.util.Objects.requireNonNull(initial, "initial"));
    }

    @Override
    protected final SessionSnapshot current() {
        return contents.get();
    }

    @Override
    protected final void change(UnaryOperator<SessionSnapshot> change) {
        contents.updateAndGet(change);
    }

    /** Shows the class name and which DCs are stored, never key material. */
    @Override
    public String toString() {
        SessionSnapshot current = contents.get();
        return getClass().getSimpleName() + "[dcs=" + current.authorizations().keySet() + ", homeDc="
                + current.homeDc() + "]";
    }
}
