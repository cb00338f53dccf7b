package dev.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The helpers every {@link RandomSource} gets from {@code nextBytes(byte[], int, int)}. */
class RandomSourceDefaultsTest {
    /** Hands out 1, 2, 3, ... so that what each helper reads is visible. */
    private static RandomSource counting() {
        int[] next = {1};
        return (buffer, offset, length) -> {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) next[0]++;
            }
        };
    }

    @Test
    void nextBytesReturnsThatManyFreshBytes() {
        RandomSource random = counting();
        assertThat(random.nextBytes(3)).containsExactly(1, 2, 3);
        assertThat(random.nextBytes(2)).containsExactly(4, 5);
        assertThat(random.nextBytes(0)).isEmpty();
    }

    @Test
    void nextLongIsTheNextEightBytesLittleEndian() {
        RandomSource random = counting();
        assertThat(random.nextLong()).isEqualTo(0x0807060504030201L);
        assertThat(random.nextLong()).isEqualTo(0x100f0e0d0c0b0a09L);
    }
}
