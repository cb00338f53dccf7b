package dev.mtproto.store;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SessionStore} that keeps everything in memory: nothing survives the process, so every start
 * creates new authorization keys. Useful for tests and for short-lived tools.
 *
 * <p>Thread-safe without locks: the whole state is one immutable value that each change replaces
 * atomically.
 */
public final class MemorySessionStore implements SessionStore {
    private final AtomicReference<StoreContents> contents = new AtomicReference<>(StoreContents.EMPTY);

    /** Creates an empty store. */
    public MemorySessionStore() {
        // nothing to set up
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    @Override
    public Optional<DcAuthorization> loadAuthorization(int dcId) {
        return contents.get().authorization(dcId);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws NullPointerException if {@code authorization} is null
     */
    @Override
    public void saveAuthorization(int dcId, DcAuthorization authorization) {
        StoreContents.requireDcId(dcId);
        Objects.requireNonNull(authorization, "authorization");
        contents.updateAndGet(current -> current.withAuthorization(dcId, authorization));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    @Override
    public void deleteAuthorization(int dcId) {
        StoreContents.requireDcId(dcId);
        contents.updateAndGet(current -> current.withoutAuthorization(dcId));
    }

    /** {@inheritDoc} */
    @Override
    public OptionalInt loadHomeDc() {
        return contents.get().homeDc();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    @Override
    public void saveHomeDc(int dcId) {
        StoreContents.requireDcId(dcId);
        contents.updateAndGet(current -> current.withHomeDc(dcId));
    }

    /** {@inheritDoc} */
    @Override
    public void clear() {
        contents.set(StoreContents.EMPTY);
    }

    /** Shows which DCs are stored, never key material. */
    @Override
    public String toString() {
        StoreContents current = contents.get();
        return "MemorySessionStore[dcs=" + current.authorizations().keySet() + ", homeDc=" + current.homeDc() + "]";
    }
}
