package dev.mtproto.fuzz.server;

import dev.mtproto.crypto.RandomSource;
import java.util.SplittableRandom;

/** Deterministic randomness, so that a finding replays exactly. */
final class SeededRandom implements RandomSource {
    private final SplittableRandom random;

    SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) random.nextInt();
        }
    }
}
