package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance rules of a store's peer cache: upsert by (kind, id), the min rules of
 * <a href="https://core.telegram.org/api/min">core.telegram.org/api/min</a>, lookups by username and phone,
 * and whole batches under concurrency.
 */
public interface PeerCacheContract extends StoreUnderTest {

    private static StoredPeer minUser(long id, long accessHash, String username, String phone) {
        return new StoredPeer(PeerKind.USER, id, accessHash, true, username, phone, false);
    }

    @Test
    default void roundTripsPeersOfEveryKind() {
        SessionStore store = newStore();
        StoredPeer user = StoredPeer.user(5_000_000_001L, Long.MIN_VALUE, "Some_User", "+44 7700 900123", false);
        StoredPeer bot = StoredPeer.user(6, Long.MAX_VALUE, "a_bot", null, true);
        StoredPeer chat = StoredPeer.chat(5_000_000_001L);
        StoredPeer channel = StoredPeer.channel(5_000_000_001L, -1, null);
        StoredPeer minChannel = new StoredPeer(PeerKind.CHANNEL, 77, 123, true, "minchan", null, false);
        store.savePeers(List.of(user, bot, chat, channel, minChannel));

        SessionStore restarted = reopen(store);
        assertThat(restarted.loadPeer(PeerKind.USER, 5_000_000_001L)).contains(user);
        assertThat(restarted.loadPeer(PeerKind.USER, 6)).contains(bot);
        assertThat(restarted.loadPeer(PeerKind.CHAT, 5_000_000_001L)).as("the same id in another kind").contains(chat);
        assertThat(restarted.loadPeer(PeerKind.CHANNEL, 5_000_000_001L)).contains(channel);
        assertThat(restarted.loadPeer(PeerKind.CHANNEL, 77)).contains(minChannel);
        assertThat(restarted.loadPeer(PeerKind.CHANNEL, 6)).isEmpty();
        assertThat(user.username()).isEqualTo("some_user");
        assertThat(user.phone()).isEqualTo("447700900123");
    }

    @Test
    default void findsPeersByUsernameInAnyCaseWithOrWithoutTheAt() {
        SessionStore store = newStore();
        store.savePeers(List.of(StoredPeer.user(1, 11, "durov", null, false), StoredPeer.channel(2, 22, "Telegram")));
        SessionStore restarted = reopen(store);
        for (String spelling : List.of("durov", "@durov", "DUROV", "@DuRoV")) {
            assertThat(restarted.findPeerByUsername(spelling)).map(StoredPeer::id).as(spelling).contains(1L);
        }
        assertThat(restarted.findPeerByUsername("@telegram")).map(StoredPeer::kind).contains(PeerKind.CHANNEL);
        assertThat(restarted.findPeerByUsername("durov2")).isEmpty();
        assertThat(restarted.findPeerByUsername("duro")).isEmpty();
    }

    @Test
    default void findsUsersByPhoneWithPlusAndSpacesIgnored() {
        SessionStore store = newStore();
        store.savePeers(List.of(StoredPeer.user(1, 11, null, "79001234567", false)));
        SessionStore restarted = reopen(store);
        for (String spelling : List.of("79001234567", "+79001234567", "+7 900 123 45 67", " 7 9001234567 ")) {
            assertThat(restarted.findPeerByPhone(spelling)).map(StoredPeer::id).as(spelling).contains(1L);
        }
        assertThat(restarted.findPeerByPhone("7900123456")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@", "has space", "dash-ed", "dot.ted", "@@double", "ünïcode"})
    default void malformedUsernamesAreRejected(String username) {
        SessionStore store = newStore();
        assertThatThrownBy(() -> store.findPeerByUsername(username)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username");
        assertThatThrownBy(() -> store.savePeers(List.of(StoredPeer.user(1, 1, "fine", null, false),
                new StoredPeer(PeerKind.USER, 2, 2, false, username, null, false))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(reopen(store).loadPeer(PeerKind.USER, 1)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "12-34", "(123) 45", "abc", "123456789012345678901234567890123"})
    default void malformedPhonesAreRejectedWithoutShowingThem(String phone) {
        SessionStore store = newStore();
        assertThatThrownBy(() -> store.findPeerByPhone(phone)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone").satisfies(e -> {
                    if (phone.length() > 3) {
                        assertThat(e.getMessage()).doesNotContain(phone);
                    }
                });
    }

    @Test
    default void nullArgumentsAreRejected() {
        SessionStore store = newStore();
        assertThatThrownBy(() -> store.savePeers(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.savePeers(Arrays.asList(StoredPeer.chat(1), null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.loadPeer(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.findPeerByUsername(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.findPeerByPhone(null)).isInstanceOf(NullPointerException.class);
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadPeer(PeerKind.CHAT, 1)).as("nothing of the rejected batch").isEmpty();
        restarted.savePeers(List.of());
        assertThat(reopen(restarted).snapshot().peers().size()).isZero();
    }

    @Test
    default void aFullRecordReplacesWhateverWasStored() {
        SessionStore store = newStore();
        store.savePeers(List.of(StoredPeer.user(1, 11, "old", "100", false)));
        store.savePeers(List.of(StoredPeer.user(1, 12, null, null, true)));
        assertThat(reopen(store).loadPeer(PeerKind.USER, 1)).contains(StoredPeer.user(1, 12, null, null, true));
        SessionStore restarted = reopen(store);
        restarted.savePeers(List.of(minUser(1, 13, "x", null)));
        restarted.savePeers(List.of(StoredPeer.user(1, 14, "y", null, false)));
        assertThat(reopen(restarted).loadPeer(PeerKind.USER, 1)).contains(StoredPeer.user(1, 14, "y", null, false));
    }

    /** https://core.telegram.org/api/min: a min constructor's access hash is not the full one. */
    @Test
    default void aMinRecordNeverReplacesTheAccessHashOfAFullOne() {
        SessionStore store = newStore();
        store.savePeers(List.of(StoredPeer.user(1, 11, "name", "100", true),
                StoredPeer.channel(2, 22, "chan")));
        store.savePeers(List.of(minUser(1, 99, null, null),
                new StoredPeer(PeerKind.CHANNEL, 2, 98, true, "renamed", null, false)));

        SessionStore restarted = reopen(store);
        assertThat(restarted.loadPeer(PeerKind.USER, 1)).as("nothing carried, nothing changed")
                .contains(StoredPeer.user(1, 11, "name", "100", true));
        assertThat(restarted.loadPeer(PeerKind.CHANNEL, 2)).as("the username a min record carries is applied")
                .contains(StoredPeer.channel(2, 22, "renamed"));
        assertThat(restarted.findPeerByUsername("chan")).isEmpty();
        restarted.savePeers(List.of(minUser(1, 97, "newname", "200")));
        assertThat(reopen(restarted).loadPeer(PeerKind.USER, 1)).contains(StoredPeer.user(1, 11, "newname", "200", true));
    }

    @Test
    default void aMinRecordIsKeptWhenNothingFullIsKnownAndAnotherMinReplacesIt() {
        SessionStore store = newStore();
        store.savePeers(List.of(minUser(1, 11, "first", null)));
        assertThat(reopen(store).loadPeer(PeerKind.USER, 1)).contains(minUser(1, 11, "first", null));
        SessionStore restarted = reopen(store);
        restarted.savePeers(List.of(minUser(1, 12, null, null)));
        assertThat(reopen(restarted).loadPeer(PeerKind.USER, 1)).contains(minUser(1, 12, null, null));
    }

    @Test
    default void aUsernameOrPhoneBelongsToTheLatestPeerThatCarriesIt() {
        SessionStore store = newStore();
        store.savePeers(List.of(StoredPeer.user(1, 11, "handle", "100", false), StoredPeer.user(2, 22, "other", null, false)));
        store.savePeers(List.of(StoredPeer.channel(3, 33, "handle"), StoredPeer.user(2, 22, "other", "100", false)));

        SessionStore restarted = reopen(store);
        assertThat(restarted.findPeerByUsername("handle")).map(StoredPeer::kind).contains(PeerKind.CHANNEL);
        assertThat(restarted.findPeerByPhone("100")).map(StoredPeer::id).contains(2L);
        assertThat(restarted.loadPeer(PeerKind.USER, 1)).as("lost both").contains(StoredPeer.user(1, 11, null, null, false));
    }

    @Test
    default void recordsOfOneBatchApplyInOrder() {
        SessionStore store = newStore();
        store.savePeers(List.of(StoredPeer.user(1, 11, "a", null, false), minUser(1, 12, "b", null),
                StoredPeer.user(2, 21, "a", null, false), StoredPeer.user(3, 31, "c", null, false),
                StoredPeer.user(3, 32, "d", null, false)));
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadPeer(PeerKind.USER, 1)).contains(StoredPeer.user(1, 11, "b", null, false));
        assertThat(restarted.findPeerByUsername("a")).map(StoredPeer::id).contains(2L);
        assertThat(restarted.loadPeer(PeerKind.USER, 3)).contains(StoredPeer.user(3, 32, "d", null, false));
        assertThat(restarted.findPeerByUsername("c")).isEmpty();
        assertThat(restarted.snapshot().peers().size()).isEqualTo(3);
    }

    @Test
    default void aLargeBatchLandsWhole() {
        SessionStore store = newStore();
        List<StoredPeer> peers = new ArrayList<>();
        for (int i = 1; i <= 2_000; i++) {
            peers.add(StoredPeer.user(i, i * 31L, "user" + i, "1555" + i, i % 7 == 0));
        }
        store.savePeers(peers);
        SessionStore restarted = reopen(store);
        assertThat(restarted.snapshot().peers().size()).isEqualTo(2_000);
        assertThat(restarted.findPeerByUsername("user1999")).contains(peers.get(1998));
        assertThat(restarted.findPeerByPhone("15551234")).contains(peers.get(1233));
    }

    @Test
    default void toStringNeverShowsAPhoneNumber() {
        SessionStore store = newStore();
        store.savePeers(List.of(StoredPeer.user(1, 11, "name", "+1 555 867 5309", false)));
        StoredPeer peer = store.loadPeer(PeerKind.USER, 1).orElseThrow();
        assertThat(peer.toString()).doesNotContain("5558675309").contains("(hidden)");
        assertThat(store.toString()).doesNotContain("5558675309");
        assertThat(store.snapshot().toString()).doesNotContain("5558675309");
    }

    @Test
    default void concurrentBatchesAndStateSavesLoseNothing() throws Exception {
        SessionStore store = newStore();
        int threads = 4;
        int rounds = 25;
        Concurrently.run(threads, thread -> {
            for (int round = 0; round < rounds; round++) {
                long id = thread * 1000L + round + 1;
                store.savePeers(List.of(StoredPeer.user(id, id, "u" + id, null, false), StoredPeer.chat(id)));
                store.saveChannelPts(Map.of(thread + 1L, round));
                store.saveUpdateState(new UpdateState(round, thread, 0, 0));
                assertThat(store.loadPeer(PeerKind.USER, id)).isPresent();
            }
        });
        SessionStore restarted = reopen(store);
        assertThat(restarted.snapshot().peers().size()).isEqualTo(threads * rounds * 2);
        for (int t = 0; t < threads; t++) {
            assertThat(restarted.loadChannelPts()).containsEntry(t + 1L, rounds - 1);
            assertThat(restarted.findPeerByUsername("u" + (t * 1000L + rounds))).isPresent();
        }
        assertThat(restarted.loadUpdateState().orElseThrow().pts()).isEqualTo(rounds - 1);
    }
}
