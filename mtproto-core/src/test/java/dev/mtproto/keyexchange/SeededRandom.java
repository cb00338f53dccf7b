package dev.mtproto.keyexchange;

import dev.mtproto.crypto.RandomSource;
import java.util.SplittableRandom;

/** A reproducible, NOT secure random source for tests. */
final class SeededRandom implements RandomSource {
    private final SplittableRandom random;

    SeededRandom(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) random.nextInt(256);
        }
    }
}
