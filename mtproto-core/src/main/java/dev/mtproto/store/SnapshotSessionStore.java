package dev.mtproto.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * A base for stores whose whole state is one immutable {@link SessionSnapshot}: every read is served from
 * the current snapshot, every change computes the next one and hands it to {@link #change}, which makes it
 * current (and, for a store that persists, writes it first). Arguments are checked before {@link #change}
 * is called. {@link MemorySessionStore}, {@link FileSessionStore} and the string session store are built on
 * it; so can be a store that keeps the whole session as one blob elsewhere.
 *
 * <p>Keys: the store keeps its own copy of every key it is given ({@link #saveAuthorization},
 * {@link #restore}) and hands out a new copy on each {@link #loadAuthorization}, so whoever destroys a key
 * it loaded or saved (a client does when it closes) never wipes the store's. {@link #snapshot()} returns the
 * store's own keys: read them, do not destroy them.
 */
public abstract class SnapshotSessionStore implements SessionStore {

    /** For subclasses. */
    protected SnapshotSessionStore() {
    }

    /**
     * Returns the current state.
     *
     * @return the snapshot readers see
     * @throws IllegalStateException if the store was closed (stores that can be closed)
     */
    protected abstract SessionSnapshot current();

    /**
     * Replaces the current state by {@code change.apply(current)}, atomically; an implementation may store
     * nothing when the result equals the current state.
     *
     * @param change computes the next state; free of side effects, it may be called more than once
     * @throws SessionStoreException if the next state cannot be stored; the current state is then unchanged
     * @throws IllegalStateException if the store was closed (stores that can be closed)
     */
    protected abstract void change(UnaryOperator<SessionSnapshot> change);

    @Override
    public Optional<DcAuthorization> loadAuthorization(int dcId) {
        SessionStore.checkDcId(dcId);
        return current().authorization(dcId).map(DcAuthorization::withKeyCopy);
    }

    @Override
    public void saveAuthorization(int dcId, DcAuthorization authorization) {
        SessionStore.checkDcId(dcId);
        DcAuthorization own = authorization.withKeyCopy();
        change(current -> current.withAuthorization(dcId, own));
    }

    @Override
    public void deleteAuthorization(int dcId) {
        SessionStore.checkDcId(dcId);
        change(current -> current.withoutAuthorization(dcId));
    }

    @Override
    public OptionalInt loadHomeDc() {
        return current().homeDc();
    }

    @Override
    public void saveHomeDc(int dcId) {
        SessionStore.checkDcId(dcId);
        change(current -> current.withHomeDc(dcId));
    }

    @Override
    public Optional<UpdateState> loadUpdateState() {
        return current().updateState();
    }

    @Override
    public void saveUpdateState(UpdateState state) {
        Objects.requireNonNull(state, "state");
        change(current -> current.withUpdateState(state));
    }

    @Override
    public Map<Long, Integer> loadChannelPts() {
        return current().channelPts();
    }

    @Override
    public void saveChannelPts(Map<Long, Integer> changed) {
        Map<Long, Integer> checked = SessionSnapshot.checkedChannelPts(changed);
        if (!checked.isEmpty()) {
            change(current -> current.withChannelPts(checked));
        }
    }

    @Override
    public void savePeers(Collection<StoredPeer> peers) {
        List<StoredPeer> batch = List.copyOf(Objects.requireNonNull(peers, "peers"));
        if (!batch.isEmpty()) {
            change(current -> current.withPeers(current.peers().with(batch)));
        }
    }

    @Override
    public Optional<StoredPeer> loadPeer(PeerKind kind, long id) {
        Objects.requireNonNull(kind, "kind");
        return current().peers().get(kind, id);
    }

    @Override
    public Optional<StoredPeer> findPeerByUsername(String username) {
        StoredPeer.normalizeUsername(username);
        return current().peers().byUsername(username);
    }

    @Override
    public Optional<StoredPeer> findPeerByPhone(String phone) {
        StoredPeer.normalizePhone(phone);
        return current().peers().byPhone(phone);
    }

    @Override
    public Optional<SignedInAccount> loadAccount() {
        return current().account();
    }

    @Override
    public void saveAccount(SignedInAccount account) {
        Objects.requireNonNull(account, "account");
        change(current -> current.withAccount(account));
    }

    @Override
    public void deleteAccount() {
        change(SessionSnapshot::signedOut);
    }

    @Override
    public void clear() {
        change(current -> SessionSnapshot.EMPTY);
    }

    @Override
    public SessionSnapshot snapshot() {
        return current();
    }

    @Override
    public void restore(SessionSnapshot snapshot) {
        SessionSnapshot own = Objects.requireNonNull(snapshot, "snapshot").withKeyCopies();
        change(current -> own);
    }
}
