package dev.mtproto.testkit.client;

import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionStore;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A memory store that runs a hook before every write: a full disk that throws, a slow disk that sleeps, a
 * probe that counts writes made too late. Reads and the stored data are the memory store's.
 */
final class HookedStore implements SessionStore {
    final MemorySessionStore memory = new MemorySessionStore();
    private final Runnable beforeWrite;

    HookedStore(Runnable beforeWrite) {
        this.beforeWrite = beforeWrite;
    }

    @Override
    public Optional<DcAuthorization> loadAuthorization(int dcId) {
        return memory.loadAuthorization(dcId);
    }

    @Override
    public void saveAuthorization(int dcId, DcAuthorization authorization) {
        beforeWrite.run();
        memory.saveAuthorization(dcId, authorization);
    }

    @Override
    public void deleteAuthorization(int dcId) {
        beforeWrite.run();
        memory.deleteAuthorization(dcId);
    }

    @Override
    public OptionalInt loadHomeDc() {
        return memory.loadHomeDc();
    }

    @Override
    public void saveHomeDc(int dcId) {
        beforeWrite.run();
        memory.saveHomeDc(dcId);
    }

    @Override
    public void clear() {
        beforeWrite.run();
        memory.clear();
    }
}
