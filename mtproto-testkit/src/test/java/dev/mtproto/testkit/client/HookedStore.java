package dev.mtproto.testkit.client;

import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.SessionSnapshot;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SignedInAccount;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.store.UpdateState;
import java.util.Collection;
import java.util.Map;
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

    @Override
    public Optional<UpdateState> loadUpdateState() {
        return memory.loadUpdateState();
    }

    @Override
    public void saveUpdateState(UpdateState state) {
        beforeWrite.run();
        memory.saveUpdateState(state);
    }

    @Override
    public Map<Long, Integer> loadChannelPts() {
        return memory.loadChannelPts();
    }

    @Override
    public void saveChannelPts(Map<Long, Integer> changed) {
        beforeWrite.run();
        memory.saveChannelPts(changed);
    }

    @Override
    public void savePeers(Collection<StoredPeer> peers) {
        beforeWrite.run();
        memory.savePeers(peers);
    }

    @Override
    public Optional<StoredPeer> loadPeer(PeerKind kind, long id) {
        return memory.loadPeer(kind, id);
    }

    @Override
    public Optional<StoredPeer> findPeerByUsername(String username) {
        return memory.findPeerByUsername(username);
    }

    @Override
    public Optional<StoredPeer> findPeerByPhone(String phone) {
        return memory.findPeerByPhone(phone);
    }

    @Override
    public Optional<SignedInAccount> loadAccount() {
        return memory.loadAccount();
    }

    @Override
    public void saveAccount(SignedInAccount account) {
        beforeWrite.run();
        memory.saveAccount(account);
    }

    @Override
    public void deleteAccount() {
        beforeWrite.run();
        memory.deleteAccount();
    }

    @Override
    public SessionSnapshot snapshot() {
        return memory.snapshot();
    }

    @Override
    public void restore(SessionSnapshot snapshot) {
        beforeWrite.run();
        memory.restore(snapshot);
    }
}
