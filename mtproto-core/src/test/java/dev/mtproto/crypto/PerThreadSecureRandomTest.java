package dev.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PerThreadSecureRandomTest {

    @Test
    void manyThreadsDrawDistinctBytesWithoutSharingAGenerator() throws Exception {
        RandomSource shared = RandomSource.perThread();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 2000; i++) {
                    byte[] b = new byte[16];
                    shared.nextBytes(b, 0, 16);
                    seen.add(java.util.HexFormat.of().formatHex(b));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("16-byte draws that repeated").hasSize(16_000);
    }

    @Test
    void fillsOnlyTheAskedRange() {
        byte[] b = new byte[64];
        RandomSource.perThread().nextBytes(b, 8, 40);
        assertThat(java.util.Arrays.copyOfRange(b, 0, 8)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(b, 48, 64)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(b, 8, 48)).isNotEqualTo(new byte[40]);
    }
}
