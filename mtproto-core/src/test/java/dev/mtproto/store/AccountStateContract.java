package dev.mtproto.store;

import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The conformance rules of a store's account data: the signed-in account and log-out, the update state, the
 * channel pts, and whole-store snapshots.
 */
public interface AccountStateContract extends StoreUnderTest {

    @Test
    default void aNewStoreHasNoAccountStateOrPeers() {
        SessionStore store = newStore();
        assertThat(store.loadAccount()).isEmpty();
        assertThat(store.loadUpdateState()).isEmpty();
        assertThat(store.loadChannelPts()).isEmpty();
        assertThat(store.loadPeer(PeerKind.USER, 1)).isEmpty();
        assertThat(store.snapshot()).isEqualTo(SessionSnapshot.EMPTY);
    }

    @Test
    default void roundTripsAndOverwritesTheAccount() {
        SessionStore store = newStore();
        store.saveAccount(new SignedInAccount(5_000_000_001L, false));
        assertThat(reopen(store).loadAccount()).contains(new SignedInAccount(5_000_000_001L, false));
        SessionStore restarted = reopen(store);
        restarted.saveAccount(new SignedInAccount(Long.MAX_VALUE, true));
        assertThat(reopen(restarted).loadAccount()).contains(new SignedInAccount(Long.MAX_VALUE, true));
        assertThatThrownBy(() -> restarted.saveAccount(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    default void roundTripsAndOverwritesTheUpdateState() {
        SessionStore store = newStore();
        store.saveUpdateState(new UpdateState(10, 2, 7, 1_700_000_000));
        store.saveUpdateState(new UpdateState(11, 2, 8, 1_700_000_005));
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadUpdateState()).contains(new UpdateState(11, 2, 8, 1_700_000_005));
        restarted.saveUpdateState(new UpdateState(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0));
        assertThat(reopen(restarted).loadUpdateState())
                .contains(new UpdateState(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0));
        assertThatThrownBy(() -> restarted.saveUpdateState(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    default void channelPtsAreUpsertedAndTheOthersStay() {
        SessionStore store = newStore();
        store.saveChannelPts(Map.of(1_000_000_001L, 10, 1_000_000_002L, 20));
        store.saveChannelPts(Map.of(1_000_000_002L, 21, 1_000_000_003L, 30));
        store.saveChannelPts(Map.of());
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadChannelPts())
                .isEqualTo(Map.of(1_000_000_001L, 10, 1_000_000_002L, 21, 1_000_000_003L, 30));
        restarted.saveChannelPts(Map.of(Long.MAX_VALUE, Integer.MIN_VALUE));
        assertThat(reopen(restarted).loadChannelPts()).hasSize(4).containsEntry(Long.MAX_VALUE, Integer.MIN_VALUE);
    }

    @Test
    default void badChannelPtsAreRejectedAndNoneOfTheMapIsStored() {
        SessionStore store = newStore();
        store.saveChannelPts(Map.of(5L, 1));
        Map<Long, Integer> withNullValue = new HashMap<>();
        withNullValue.put(6L, 2);
        withNullValue.put(7L, null);
        assertThatThrownBy(() -> store.saveChannelPts(withNullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.saveChannelPts(new TreeMap<>(Map.of(8L, 3, -1L, 4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
        assertThatThrownBy(() -> store.saveChannelPts(Map.of(0L, 4))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveChannelPts(null)).isInstanceOf(NullPointerException.class);
        assertThat(reopen(store).loadChannelPts()).isEqualTo(Map.of(5L, 1));
    }

    @Test
    default void deleteAccountSignsOutAndKeepsTheKeys() {
        SessionStore store = newStore();
        store.saveAuthorization(2, authorization(2).withAuthorizedUserId(42));
        store.saveAuthorization(4, authorization(4).withAuthorizedUserId(42));
        store.saveAuthorization(5, authorization(5));
        store.saveHomeDc(2);
        store.saveAccount(new SignedInAccount(42, false));
        store.saveUpdateState(new UpdateState(1, 2, 3, 4));
        store.saveChannelPts(Map.of(9L, 9));
        store.savePeers(List.of(StoredPeer.user(7, 77, "friend", "15550001", false)));

        store.deleteAccount();

        assertSignedOut(store);
        SessionStore restarted = reopen(store);
        assertSignedOut(restarted);
        restarted.deleteAccount();
        assertSignedOut(reopen(restarted));
    }

    private static void assertSignedOut(SessionStore view) {
        assertThat(view.loadAccount()).isEmpty();
        assertThat(view.loadUpdateState()).isEmpty();
        assertThat(view.loadChannelPts()).isEmpty();
        assertThat(view.loadPeer(PeerKind.USER, 7)).isEmpty();
        assertThat(view.findPeerByUsername("friend")).isEmpty();
        assertThat(view.loadAuthorization(2)).as("authorizedUserId back to 0").contains(authorization(2));
        assertThat(view.loadAuthorization(4)).contains(authorization(4));
        assertThat(view.loadAuthorization(5)).contains(authorization(5));
        assertThat(view.loadHomeDc()).hasValue(2);
    }

    @Test
    default void clearForgetsTheAccountStateAndPeersToo() {
        SessionStore store = newStore();
        store.saveAuthorization(2, authorization(2));
        store.saveAccount(new SignedInAccount(42, true));
        store.saveUpdateState(new UpdateState(1, 2, 3, 4));
        store.saveChannelPts(Map.of(9L, 9));
        store.savePeers(List.of(StoredPeer.channel(9, 99, "news")));
        store.clear();
        assertThat(store.snapshot()).isEqualTo(SessionSnapshot.EMPTY);
        assertThat(reopen(store).snapshot()).isEqualTo(SessionSnapshot.EMPTY);
    }

    @Test
    default void aSnapshotHoldsEverythingAndRestoreReplacesEverything() {
        SessionStore source = newStore();
        fill(source);
        SessionSnapshot snapshot = reopen(source).snapshot();
        assertThat(snapshot.authorizations()).containsOnlyKeys(1, 2);
        assertThat(snapshot.homeDc()).hasValue(2);
        assertThat(snapshot.account()).contains(new SignedInAccount(42, false));
        assertThat(snapshot.updateState()).contains(new UpdateState(5, 6, 7, 8));
        assertThat(snapshot.channelPts()).isEqualTo(Map.of(100L, 1, 200L, 2));
        assertThat(snapshot.peers().size()).isEqualTo(3);

        SessionStore target = newStore();
        target.saveAuthorization(3, authorization(3));
        target.savePeers(List.of(StoredPeer.user(99, 1, "other", null, false)));
        target.restore(snapshot);
        SessionStore restarted = reopen(target);
        assertThat(restarted.snapshot()).isEqualTo(snapshot);
        assertThat(restarted.loadAuthorization(3)).isEmpty();
        assertThat(restarted.findPeerByUsername("other")).isEmpty();
        assertThat(restarted.findPeerByUsername("@Friend")).map(StoredPeer::id).contains(7L);
        assertThatThrownBy(() -> restarted.restore(null)).isInstanceOf(NullPointerException.class);

        restarted.restore(SessionSnapshot.EMPTY);
        assertThat(reopen(restarted).snapshot()).isEqualTo(SessionSnapshot.EMPTY);
    }

    /** Saves one of everything. */
    static void fill(SessionStore store) {
        store.saveAuthorization(1, authorization(1));
        store.saveAuthorization(2, authorization(2).withAuthorizedUserId(42));
        store.saveHomeDc(2);
        store.saveAccount(new SignedInAccount(42, false));
        store.saveUpdateState(new UpdateState(5, 6, 7, 8));
        store.saveChannelPts(Map.of(100L, 1, 200L, 2));
        store.savePeers(List.of(StoredPeer.user(7, -77, "Friend", "+1 555 0001", false), StoredPeer.chat(8),
                new StoredPeer(PeerKind.CHANNEL, 100, 1000, true, "somechannel", null, false)));
    }

    @Test
    default void aSnapshotIsAValueThatLaterChangesDoNotTouch() {
        SessionStore store = newStore();
        fill(store);
        SessionSnapshot before = store.snapshot();
        store.saveHomeDc(1);
        store.savePeers(List.of(StoredPeer.chat(9)));
        assertThat(before.homeDc()).isEqualTo(OptionalInt.of(2));
        assertThat(before.peers().get(PeerKind.CHAT, 9)).isEqualTo(Optional.empty());
        assertThat(before.toString()).doesNotContain("5550001");
    }
}
