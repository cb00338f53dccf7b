package dev.mtproto.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link RandomSource} that draws 4 KiB at a time from a {@link SecureRandom} and hands the bytes out
 * in order, erasing each byte it hands out. Not thread-safe.
 */
final class BufferedSecureRandom implements RandomSource {
    private static final int BLOCK = 4096;

    private final SecureRandom random;
    private final byte[] block = new byte[BLOCK];
    private int position = BLOCK;

    BufferedSecureRandom(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        while (length > 0) {
            if (position == BLOCK) {
                random.nextBytes(block);
                position = 0;
            }
            int n = Math.min(length, BLOCK - position);
            System.arraycopy(block, position, buffer, offset, n);
            Arrays.fill(block, position, position + n, (byte) 0);
            position += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public String toString() {
        return "BufferedSecureRandom[" + random.getAlgorithm() + "]";
    }
}
