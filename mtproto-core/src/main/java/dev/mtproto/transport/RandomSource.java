package dev.mtproto.transport;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Where a transport gets its random bytes: the obfuscated2 init header and the padding of the padded
 * intermediate transport. Injectable so tests can replay known-answer vectors.
 */
@FunctionalInterface
public interface RandomSource {

    /**
     * Fills {@code len} bytes of {@code dst} starting at {@code off} with random bytes.
     *
     * @param dst the array to fill
     * @param off the first index to fill
     * @param len how many bytes to fill
     */
    void nextBytes(byte[] dst, int off, int len);

    /**
     * Returns a source backed by a new {@link SecureRandom}. Safe for use by one thread at a time per
     * transport; {@code SecureRandom} itself is thread-safe.
     *
     * @return a cryptographically strong source
     */
    static RandomSource secure() {
        return of(new SecureRandom());
    }

    /**
     * Returns a source backed by the given {@link SecureRandom}.
     *
     * @param random the generator to draw from
     * @return a source that fills regions from {@code random}
     * @throws NullPointerException if {@code random} is null
     */
    static RandomSource of(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return (dst, off, len) -> {
            Objects.checkFromIndexSize(off, len, dst.length);
            if (off == 0 && len == dst.length) {
                random.nextBytes(dst);
            } else {
                byte[] tmp = new byte[len];
                random.nextBytes(tmp);
                System.arraycopy(tmp, 0, dst, off, len);
            }
        };
    }
}
