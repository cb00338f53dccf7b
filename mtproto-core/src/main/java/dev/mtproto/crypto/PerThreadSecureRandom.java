package dev.mtproto.crypto;

/**
 * {@link RandomSource#perThread()}: one buffered secure generator per thread, so the source is thread-safe
 * without a lock and a connection keeps no generator of its own.
 */
final class PerThreadSecureRandom implements RandomSource {
    static final PerThreadSecureRandom INSTANCE = new PerThreadSecureRandom();

    private static final ThreadLocal<RandomSource> GENERATORS = ThreadLocal.withInitial(RandomSource::secure);

    private PerThreadSecureRandom() {
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        GENERATORS.get().nextBytes(buffer, offset, length);
    }

    @Override
    public String toString() {
        return "RandomSource.perThread()";
    }
}
