package dev.mtproto.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.contacts.ResolvedPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache takes peers from anywhere in an answer and keeps Telegram's min rule (https://core.telegram.org/api/min). */
class PeerCacheTest {
    private final MemorySessionStore store = new MemorySessionStore();
    private final PeerCache cache = new PeerCache(store, Runnable::run);

    private static User user(long id, long hash, boolean min, String username) {
        return User.builder().id(id).accessHash(hash).min(min).username(username).firstName("U" + id).build();
    }

    @Test
    void peersAnywhereInAnAnswerAreTakenIn() {
        ResolvedPeer answer = new ResolvedPeer(new PeerUser(7), List.of(Channel.builder().id(500).accessHash(55L).title("c")
                .username("news").date(1).photo(dev.mtproto.tl.api.ChatPhotoEmpty.INSTANCE).build()),
                List.of(user(7, 77, false, "alice")));
        cache.absorb(answer);
        assertThat(cache.find(PeerKind.USER, 7)).hasValueSatisfying(p -> assertThat(p.accessHash()).isEqualTo(77));
        assertThat(cache.findByUsername("@Alice")).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(7));
        assertThat(cache.findByUsername("news")).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(PeerKind.CHANNEL));
    }

    @Test
    void aMinUserNeverReplacesAFullAccessHash() {
        cache.absorb(user(7, 77, false, "alice"));
        cache.absorb(user(7, 99, true, "alice2"));
        StoredPeer p = cache.find(PeerKind.USER, 7).orElseThrow();
        assertThat(p.accessHash()).isEqualTo(77);
        assertThat(p.min()).isFalse();
        assertThat(p.username()).as("a min object may still bring a new username").isEqualTo("alice2");
        cache.absorb(user(7, 88, false, "alice2"));
        assertThat(cache.find(PeerKind.USER, 7).orElseThrow().accessHash()).as("a full one always wins").isEqualTo(88);
    }

    @Test
    void flushedPeersAreFoundByANewCacheFromTheStore() {
        cache.absorb(user(9, 99, false, "bob"));
        cache.flush();
        PeerCache fresh = new PeerCache(store, Runnable::run);
        assertThat(fresh.size()).isZero();
        assertThat(fresh.findByUsername("bob")).hasValueSatisfying(p -> assertThat(p.accessHash()).isEqualTo(99));
        assertThat(fresh.find(PeerKind.USER, 9)).isPresent();
    }
}
