package dev.mtproto.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where this package takes its random bytes from: message padding, RSA padding and temporary keys, the
 * Diffie-Hellman secret {@code b} and the SRP secret {@code a}.
 *
 * <p>Production code uses {@link #secure()}. Tests inject a source that returns fixed bytes so that
 * known-answer vectors can be reproduced.
 */
@FunctionalInterface
public interface RandomSource {

    /**
     * Fills {@code length} bytes of {@code buffer}, starting at {@code offset}, with random bytes.
     *
     * @param buffer the array to fill
     * @param offset where to start
     * @param length how many bytes to write
     * @throws IndexOutOfBoundsException if the range is not inside {@code buffer}
     */
    void nextBytes(byte[] buffer, int offset, int length);

    /**
     * Returns {@code length} new random bytes.
     *
     * @param length how many
     * @return a new array of that many random bytes
     * @throws NegativeArraySizeException if {@code length} is negative
     */
    default byte[] nextBytes(int length) {
        byte[] bytes = new byte[length];
        nextBytes(bytes, 0, length);
        return bytes;
    }

    /** @return a random long: the next 8 bytes, little-endian */
    default long nextLong() {
        byte[] b = nextBytes(Long.BYTES);
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            value = (value << 8) | (b[i] & 0xff);
        }
        return value;
    }

    /**
     * Returns a new source backed by its own {@link SecureRandom}: the runtime's NIST SP 800-90A
     * {@code DRBG} (seeded by the platform's entropy source), or the platform default where that
     * algorithm is missing. It reads the generator in 4 KiB blocks and hands them out piece by piece, so
     * that small requests (message padding) stay cheap and do not allocate. Bytes handed out are erased
     * from the internal block.
     *
     * <p>The returned source is not thread-safe: give each connection (or each thread) its own.
     *
     * @return a new secure source
     */
    static RandomSource secure() {
        SecureRandom random;
        try {
            // About four times faster than the Linux default NativePRNG for bulk requests.
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            random = new SecureRandom();
        }
        return new BufferedSecureRandom(random);
    }

    /**
     * Returns the JVM-wide thread-safe secure source: each thread that asks gets its own {@link #secure()}
     * generator, made on first use. Many connections served by a few threads then share a few generators
     * (and their 4 KiB blocks) instead of keeping one each.
     *
     * @return the shared source
     */
    static RandomSource perThread() {
        return PerThreadSecureRandom.INSTANCE;
    }

    /**
     * Returns a source that reads the given {@link SecureRandom} directly on every call (no buffering).
     *
     * @param random the generator to use; it is shared, not copied
     * @return a source that delegates to {@code random}
     */
    static RandomSource of(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return (buffer, offset, length) -> {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (offset == 0 && length == buffer.length) {
                random.nextBytes(buffer);
            } else {
                byte[] part = new byte[length];
                random.nextBytes(part);
                System.arraycopy(part, 0, buffer, offset, length);
                Arrays.fill(part, (byte) 0);
            }
        };
    }
}
