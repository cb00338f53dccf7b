package dev.mtproto.fuzz;

import dev.mtproto.crypto.RandomSource;
import java.util.SplittableRandom;

/**
 * Deterministic randomness for fuzz targets: the same input always meets the same "random" bytes, so that
 * a finding replays exactly.
 */
public final class SeededRandom implements RandomSource {
    private final SplittableRandom random;

    /** @param seed the seed */
    public SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) random.nextInt();
        }
    }
}
