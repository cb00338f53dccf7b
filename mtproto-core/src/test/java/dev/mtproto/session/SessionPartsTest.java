package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.TlDecodeException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class SessionPartsTest {

    @Test
    void messageIdsRiseAreDivisibleByFourAndFollowServerTime() {
        AtomicLong now = new AtomicLong(1_700_000_000_123L);
        MessageIdClock clock = new MessageIdClock(now::get, 0);
        long a = clock.nextClientId();
        long b = clock.nextClientId(); // same millisecond: still greater
        assertThat(a % 4).isZero();
        assertThat(b).isGreaterThan(a);
        assertThat(MessageIdClock.secondsOf(a)).isEqualTo(1_700_000_000L);
        assertThat(clock.nextServerId(true) & 3).isEqualTo(1);
        assertThat(clock.nextServerId(false) & 3).isEqualTo(3);

        clock.syncToServerSeconds(1_700_000_600L);
        assertThat(clock.offsetMillis()).isEqualTo(599_877L);
        clock.syncToServerMessageId((1_700_000_900L << 32) | (1L << 31)); // x.5 s
        assertThat(clock.serverMillis()).isEqualTo(1_700_000_900_500L);
        assertThat(clock.isWithinWindow((1_700_000_900L - 299) << 32)).isTrue();
        assertThat(clock.isWithinWindow((1_700_000_900L - 301) << 32)).isFalse();
        assertThat(clock.isWithinWindow((1_700_000_900L + 31) << 32)).isFalse();
    }

    @Test
    void seqnosCountContentRelatedMessages() {
        SeqNoCounter s = new SeqNoCounter();
        assertThat(s.next(false)).isEqualTo(0);
        assertThat(s.next(true)).isEqualTo(1);
        assertThat(s.next(true)).isEqualTo(3);
        assertThat(s.next(false)).isEqualTo(4);
        s.reset();
        assertThat(s.next(true)).isEqualTo(1);
    }

    @Test
    void theReplayWindowRefusesDuplicatesAndWhatItForgot() {
        checkWindowAgainstAModel(64);
        checkWindowAgainstAModel(1000); // grows through sizes that are not powers of two
    }

    @Test
    void theReplayWindowKeepsMarksForgetsOldIdsAndShrinksBack() {
        ReceivedMessageIds window = new ReceivedMessageIds(4096);
        for (long i = 1; i <= 3000; i++) {
            window.accept(i * 4 + 1, i % 2 == 0);
        }
        assertThat(window.isMarked(8 + 1)).isTrue();
        assertThat(window.isMarked(12 + 1)).isFalse();
        assertThat(window.isMarked(99)).as("unknown").isFalse();
        long before = org.openjdk.jol.info.GraphLayout.parseInstance(window).totalSize();
        window.forgetOlderThan(2990 * 4);
        assertThat(window.size()).isEqualTo(11);
        assertThat(window.floor()).isEqualTo(2989 * 4 + 1);
        assertThat(window.accept(100 * 4 + 1)).as("forgotten, so refused").isEqualTo(ReceivedMessageIds.Verdict.TOO_OLD);
        assertThat(window.accept(2995 * 4 + 1)).isEqualTo(ReceivedMessageIds.Verdict.DUPLICATE);
        assertThat(window.isMarked(2996 * 4 + 1)).isTrue();
        assertThat(window.accept(4000 * 4 + 1)).isEqualTo(ReceivedMessageIds.Verdict.NEW);
        long after = org.openjdk.jol.info.GraphLayout.parseInstance(window).totalSize();
        assertThat(after).as("bytes after shrinking, from %d", before).isLessThan(1024);
    }

    private static void checkWindowAgainstAModel(int capacity) {
        ReceivedMessageIds window = new ReceivedMessageIds(capacity);
        SplittableRandom random = new SplittableRandom(5);
        Set<Long> model = new HashSet<>();
        long[] order = new long[5000];
        for (int i = 0; i < order.length; i++) {
            long id = (1L << 40) + random.nextInt(20_000) * 4L + 1;
            order[i] = id;
        }
        java.util.ArrayDeque<Long> lastSeen = new java.util.ArrayDeque<>();
        long floor = Long.MIN_VALUE;
        for (long id : order) {
            ReceivedMessageIds.Verdict expected;
            if (model.contains(id)) {
                expected = ReceivedMessageIds.Verdict.DUPLICATE;
            } else if (id <= floor) {
                expected = ReceivedMessageIds.Verdict.TOO_OLD;
            } else {
                expected = ReceivedMessageIds.Verdict.NEW;
            }
            assertThat(window.accept(id)).as("id %d", id).isEqualTo(expected);
            if (expected == ReceivedMessageIds.Verdict.NEW) {
                model.add(id);
                lastSeen.add(id);
                if (lastSeen.size() > capacity) {
                    long evicted = lastSeen.poll();
                    model.remove(evicted);
                    floor = Math.max(floor, evicted);
                }
            }
        }
        assertThat(window.floor()).isEqualTo(floor);
    }

    @Test
    void gzipRoundTripsInteroperatesAndRefusesBombs() throws Exception {
        GzipCodec codec = new GzipCodec(1 << 20);
        byte[] text = "hello hello hello ".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] gz = codec.gzip(text, 0, text.length);
        assertThat(gz.length).isLessThan(text.length / 10);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes()).as("standard gzip").isEqualTo(text);
        assertThat(codec.gunzip(gz)).isEqualTo(text);

        byte[] bomb = codec.gzip(new byte[900_000], 0, 900_000);
        GzipCodec small = new GzipCodec(100_000);
        assertThatThrownBy(() -> small.gunzip(bomb)).isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("declares 900000 bytes, more than the limit of 100000");
        byte[] lying = bomb.clone(); // trailer claims 10 bytes, data inflates to 900000
        lying[lying.length - 4] = 10;
        lying[lying.length - 3] = 0;
        lying[lying.length - 2] = 0;
        lying[lying.length - 1] = 0;
        assertThatThrownBy(() -> small.gunzip(lying)).isInstanceOf(TlDecodeException.class).hasMessageContaining("more than the 10 bytes");
        byte[] corrupt = gz.clone();
        corrupt[gz.length / 2] ^= 0x55;
        assertThatThrownBy(() -> codec.gunzip(corrupt)).isInstanceOf(TlDecodeException.class);
        assertThatThrownBy(() -> codec.gunzip(new byte[] {1, 2, 3})).isInstanceOf(TlDecodeException.class).hasMessageContaining("not gzip");
    }

    @Test
    void gzipIsUsedOnlyWhereItPaysAndLargeIncompressibleDataIsNotCompressedWhole() {
        GzipCodec codec = new GzipCodec(1 << 20);
        byte[] text = "hello hello hello ".repeat(20_000).getBytes(StandardCharsets.UTF_8); // 360,000 bytes
        byte[] gz = codec.gzipIfSmaller(text, 0, text.length);
        assertThat(gz).isNotNull();
        assertThat(codec.gunzip(gz)).isEqualTo(text);

        byte[] noise = new byte[512 * 1024];
        new SplittableRandom(7).nextBytes(noise);
        assertThat(codec.gzipIfSmaller(noise, 0, 2048)).as("short: compressed, not smaller").isNull();
        assertThat(codec.gzipIfSmaller(noise, 0, noise.length)).as("long: the probe says no").isNull();

        byte[] tailCompressible = noise.clone(); // noisy head, compressible rest: the probe sees the head only
        java.util.Arrays.fill(tailCompressible, GzipCodec.PROBE_LENGTH, tailCompressible.length, (byte) 7);
        assertThat(codec.gzipIfSmaller(tailCompressible, 0, tailCompressible.length)).isNull();
        assertThat(codec.gzipIfSmaller(tailCompressible, 0, GzipCodec.PROBE_ABOVE)).as("not probed").isNotNull();
    }

    @Test
    void serverSaltsMoveToTheNextValidSalt() {
        ServerSalts salts = new ServerSalts(1);
        assertThat(salts.current(1000)).isEqualTo(1);
        assertThat(salts.needsRefresh(1000, 60)).isTrue();
        salts.addFuture(java.util.List.of(new ServerSalts.Salt(2, 900, 2000), new ServerSalts.Salt(3, 2000, 3600)));
        assertThat(salts.current(1000)).isEqualTo(2);
        assertThat(salts.needsRefresh(1000, 60)).isFalse();
        assertThat(salts.current(2500)).isEqualTo(3);
        assertThat(salts.future()).hasSize(1);
    }

    @Test
    void aCorrectionFromTheServerWinsOverStoredFutureSaltsAndAsksForNewOnes() {
        ServerSalts salts = new ServerSalts(1);
        salts.addFuture(java.util.List.of(new ServerSalts.Salt(2, 900, 2000), new ServerSalts.Salt(3, 2000, 3600)));
        assertThat(salts.current(1000)).isEqualTo(2);
        salts.replace(7); // bad_server_salt or new_session_created
        assertThat(salts.current(1000)).as("the server's correction, not a listed salt").isEqualTo(7);
        assertThat(salts.current(2500)).as("nor a later listed one: the list is stale").isEqualTo(7);
        assertThat(salts.future()).isEmpty();
        assertThat(salts.needsRefresh(1000, 60)).as("future salts are fetched again").isTrue();
    }
}
