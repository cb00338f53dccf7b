package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.AuthKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link SessionStore} must have. A test class per implementation extends this and
 * says how to make a fresh empty store and how to "restart" one. The authorization rules are here; the
 * account, update state and snapshot rules are in {@link AccountStateContract}, the peer cache rules in
 * {@link PeerCacheContract}.
 */
public abstract class SessionStoreContract implements StoreUnderTest, AccountStateContract, PeerCacheContract {

    /** A deterministic authorization; different seeds give different keys, salts, offsets and times. */
    public static DcAuthorization authorization(int seed) {
        byte[] key = new byte[AuthKey.SIZE];
        new Random(seed).nextBytes(key);
        return new DcAuthorization(AuthKey.of(key), 0x0123_4567_89ab_cdefL * seed - seed,
                (seed % 2 == 0 ? -1 : 1) * 1_000L * seed, Instant.parse("2025-03-01T10:15:30.123456789Z").plusSeconds(seed));
    }

    /** Ways a key could leak into text: hex (both cases) and base64 (standard and URL-safe) of its bytes. */
    public static List<String> keyRenderings(DcAuthorization authorization) {
        byte[] key = authorization.authKey().toByteArray();
        String hex = HexFormat.of().formatHex(key);
        return List.of(hex.substring(0, 32), hex.substring(0, 32).toUpperCase(java.util.Locale.ROOT),
                Base64.getEncoder().encodeToString(key).substring(0, 24),
                Base64.getUrlEncoder().encodeToString(key).substring(0, 24));
    }

    @Test
    void aNewStoreHoldsNothing() {
        SessionStore store = newStore();
        for (int dcId = 1; dcId <= 5; dcId++) {
            assertThat(store.loadAuthorization(dcId)).isEmpty();
        }
        assertThat(store.loadHomeDc()).isEmpty();
    }

    @Test
    void roundTripsAnAuthorizationPerDc() {
        SessionStore store = newStore();
        DcAuthorization saved = authorization(2);
        store.saveAuthorization(2, saved);

        Optional<DcAuthorization> loaded = reopen(store).loadAuthorization(2);
        assertThat(loaded).contains(saved);
        DcAuthorization value = loaded.orElseThrow();
        assertThat(value.authKey().toByteArray()).isEqualTo(saved.authKey().toByteArray());
        assertThat(value.serverSalt()).isEqualTo(saved.serverSalt());
        assertThat(value.timeOffsetMillis()).isEqualTo(saved.timeOffsetMillis());
        assertThat(value.createdAt()).isEqualTo(saved.createdAt());
        assertThat(reopen(store).loadAuthorization(1)).isEmpty();
        assertThat(reopen(store).loadAuthorization(3)).isEmpty();
    }

    @Test
    void destroyingAKeyGivenToTheStoreOrHandedOutByItLeavesTheStoredKeyIntact() {
        SessionStore store = newStore();
        DcAuthorization saved = authorization(5);
        byte[] bytes = saved.authKey().toByteArray();
        store.saveAuthorization(5, saved);
        saved.authKey().destroy();

        DcAuthorization first = store.loadAuthorization(5).orElseThrow();
        assertThat(first.authKey().isDestroyed()).isFalse();
        assertThat(first.authKey().toByteArray()).isEqualTo(bytes);
        first.authKey().destroy();
        assertThat(store.loadAuthorization(5).orElseThrow().authKey().toByteArray()).isEqualTo(bytes);
        assertThat(reopen(store).loadAuthorization(5).orElseThrow().authKey().toByteArray()).isEqualTo(bytes);

        MemorySessionStore source = new MemorySessionStore();
        source.saveAuthorization(6, authorization(6));
        SessionSnapshot snapshot = source.snapshot();
        SessionStore target = reopen(store);
        target.restore(snapshot);
        snapshot.authorizations().values().forEach(a -> a.authKey().destroy());
        assertThat(target.loadAuthorization(6).orElseThrow().authKey().toByteArray())
                .isEqualTo(authorization(6).authKey().toByteArray());
    }

    @Test
    void roundTripsExtremeValues() {
        SessionStore store = newStore();
        byte[] zeros = new byte[AuthKey.SIZE];
        long maxOffset = DcAuthorization.MAX_TIME_OFFSET.toMillis();
        DcAuthorization low = new DcAuthorization(AuthKey.of(zeros), Long.MIN_VALUE, -maxOffset, Instant.EPOCH);
        byte[] ones = new byte[AuthKey.SIZE];
        java.util.Arrays.fill(ones, (byte) 0xff);
        DcAuthorization high = new DcAuthorization(AuthKey.of(ones), -1L, maxOffset,
                Instant.parse("9999-12-31T23:59:59.999999999Z"));
        store.saveAuthorization(1, low);
        store.saveAuthorization(9999, high);
        store.saveAuthorization(2, low.withServerSalt(Long.MAX_VALUE));
        store.saveAuthorization(3, new DcAuthorization(AuthKey.of(ones), 0, 0, Instant.MIN));
        store.saveAuthorization(4, new DcAuthorization(AuthKey.of(zeros), 0, 0, Instant.MAX));

        SessionStore restarted = reopen(store);
        assertThat(restarted.loadAuthorization(1)).contains(low);
        assertThat(restarted.loadAuthorization(9999)).contains(high);
        assertThat(restarted.loadAuthorization(2)).contains(low.withServerSalt(Long.MAX_VALUE));
        assertThat(restarted.loadAuthorization(3).orElseThrow().createdAt()).isEqualTo(Instant.MIN);
        assertThat(restarted.loadAuthorization(4).orElseThrow().createdAt()).isEqualTo(Instant.MAX);
    }

    @Test
    void keepsDcsIndependent() {
        SessionStore store = newStore();
        for (int dcId = 1; dcId <= 5; dcId++) {
            store.saveAuthorization(dcId, authorization(dcId));
        }
        store.deleteAuthorization(3);
        store.saveAuthorization(4, authorization(40));

        SessionStore restarted = reopen(store);
        assertThat(restarted.loadAuthorization(1)).contains(authorization(1));
        assertThat(restarted.loadAuthorization(2)).contains(authorization(2));
        assertThat(restarted.loadAuthorization(3)).isEmpty();
        assertThat(restarted.loadAuthorization(4)).contains(authorization(40));
        assertThat(restarted.loadAuthorization(5)).contains(authorization(5));
    }

    @Test
    void roundTripsTheAuthorizedUserOfEachDc() {
        SessionStore store = newStore();
        store.saveAuthorization(2, authorization(2).withAuthorizedUserId(7_000_000_001L));
        store.saveAuthorization(4, authorization(4));
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadAuthorization(2).orElseThrow().authorizedUserId()).isEqualTo(7_000_000_001L);
        assertThat(restarted.loadAuthorization(4).orElseThrow().authorizedUserId()).isZero();
        restarted.saveAuthorization(4, authorization(4).withAuthorizedUserId(Long.MAX_VALUE));
        assertThat(reopen(restarted).loadAuthorization(4)).contains(authorization(4).withAuthorizedUserId(Long.MAX_VALUE));
    }

    @Test
    void overwritesTheAuthorizationOfADc() {
        SessionStore store = newStore();
        store.saveAuthorization(2, authorization(1));
        store.saveAuthorization(2, authorization(2));
        store.saveAuthorization(2, authorization(2).withServerSalt(77));

        assertThat(reopen(store).loadAuthorization(2)).contains(authorization(2).withServerSalt(77));
    }

    @Test
    void deletesOneAuthorizationAndKeepsTheHomeDc() {
        SessionStore store = newStore();
        store.saveAuthorization(2, authorization(2));
        store.saveAuthorization(4, authorization(4));
        store.saveHomeDc(2);

        store.deleteAuthorization(2);
        store.deleteAuthorization(2);
        store.deleteAuthorization(5);

        SessionStore restarted = reopen(store);
        assertThat(restarted.loadAuthorization(2)).isEmpty();
        assertThat(restarted.loadAuthorization(4)).contains(authorization(4));
        assertThat(restarted.loadHomeDc()).hasValue(2);
    }

    @Test
    void savesAndOverwritesTheHomeDc() {
        SessionStore store = newStore();
        store.saveHomeDc(4);
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadHomeDc()).hasValue(4);
        restarted.saveHomeDc(2);
        assertThat(restarted.loadHomeDc()).hasValue(2);
        assertThat(reopen(restarted).loadHomeDc()).hasValue(2);
        assertThat(reopen(restarted).loadAuthorization(2)).isEmpty();
    }

    @Test
    void clearForgetsEverythingAndTheStoreStaysUsable() {
        SessionStore store = newStore();
        store.saveAuthorization(1, authorization(1));
        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);

        store.clear();

        assertEmpty(store);
        SessionStore restarted = reopen(store);
        assertEmpty(restarted);
        restarted.clear();
        restarted.saveAuthorization(3, authorization(3));
        assertThat(reopen(restarted).loadAuthorization(3)).contains(authorization(3));
    }

    private static void assertEmpty(SessionStore store) {
        assertThat(store.loadAuthorization(1)).isEmpty();
        assertThat(store.loadAuthorization(2)).isEmpty();
        assertThat(store.loadHomeDc()).isEmpty();
    }

    @Test
    void closingTwiceDoesNothingAndKeepsWhatWasStored() {
        SessionStore store = newStore();
        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);
        store.close();
        store.close();
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadAuthorization(2)).contains(authorization(2));
        assertThat(restarted.loadHomeDc()).hasValue(2);
    }

    @Test
    void clearOnANewStoreDoesNothing() {
        SessionStore store = newStore();
        store.clear();
        assertThat(reopen(store).loadHomeDc()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -2, 10_000, 10_002, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsDcIdsOutsideThePlainRange(int dcId) {
        SessionStore store = newStore();
        store.saveAuthorization(1, authorization(1));
        store.saveHomeDc(1);

        assertThatThrownBy(() -> store.loadAuthorization(dcId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dcId").hasMessageContaining(String.valueOf(dcId));
        assertThatThrownBy(() -> store.saveAuthorization(dcId, authorization(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dcId");
        assertThatThrownBy(() -> store.deleteAuthorization(dcId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveHomeDc(dcId)).isInstanceOf(IllegalArgumentException.class);

        SessionStore restarted = reopen(store);
        assertThat(restarted.loadAuthorization(1)).contains(authorization(1));
        assertThat(restarted.loadHomeDc()).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100, 9999})
    void acceptsEveryPlainDcId(int dcId) {
        SessionStore store = newStore();
        store.saveAuthorization(dcId, authorization(dcId));
        store.saveHomeDc(dcId);
        SessionStore restarted = reopen(store);
        assertThat(restarted.loadAuthorization(dcId)).contains(authorization(dcId));
        assertThat(restarted.loadHomeDc()).hasValue(dcId);
    }

    @Test
    void rejectsANullAuthorizationAndKeepsTheOldOne() {
        SessionStore store = newStore();
        store.saveAuthorization(2, authorization(2));
        assertThatThrownBy(() -> store.saveAuthorization(2, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("authorization");
        assertThat(reopen(store).loadAuthorization(2)).contains(authorization(2));
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        SessionStore store = newStore();
        DcAuthorization saved = authorization(7);
        store.saveAuthorization(2, saved);
        store.loadAuthorization(2);
        for (String rendering : keyRenderings(saved)) {
            assertThat(store.toString()).doesNotContain(rendering);
            assertThat(reopen(store).toString()).doesNotContain(rendering);
        }
    }

    @Test
    void concurrentSavesFromSeveralThreadsLoseAndCorruptNothing() throws Exception {
        SessionStore store = newStore();
        int threads = 6;
        int rounds = 30;
        Concurrently.run(threads, thread -> {
            int dcId = thread + 1;
            for (int round = 0; round < rounds; round++) {
                store.saveAuthorization(dcId, authorization(dcId * 1000 + round));
                store.saveAuthorization(99, authorization(99_000 + dcId * 100 + round));
                store.saveHomeDc(dcId);
                if (round % 10 == 0) {
                    store.deleteAuthorization(50 + dcId);
                } else {
                    store.saveAuthorization(50 + dcId, authorization(50_000 + round));
                }
                assertThat(store.loadAuthorization(dcId)).contains(authorization(dcId * 1000 + round));
            }
        });

        assertLastWritesOf(store, threads, rounds);
        assertLastWritesOf(reopen(store), threads, rounds);
    }

    private static void assertLastWritesOf(SessionStore view, int threads, int rounds) {
        for (int t = 0; t < threads; t++) {
            int dcId = t + 1;
            assertThat(view.loadAuthorization(dcId)).contains(authorization(dcId * 1000 + rounds - 1));
            assertThat(view.loadAuthorization(50 + dcId)).contains(authorization(50_000 + rounds - 1));
        }
        DcAuthorization shared = view.loadAuthorization(99).orElseThrow();
        List<DcAuthorization> lastWrites = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            lastWrites.add(authorization(99_000 + (t + 1) * 100 + rounds - 1));
        }
        assertThat(lastWrites).contains(shared);
        assertThat(view.loadHomeDc().getAsInt()).isBetween(1, threads);
    }
}
