package dev.mtproto.crypto;

import java.util.ArrayDeque;
import java.util.Deque;

/** A {@link RandomSource} for tests: hands out queued byte strings in order, failing if asked for more. */
final class ScriptedRandom implements RandomSource {
    private final Deque<Byte> queue = new ArrayDeque<>();

    ScriptedRandom(byte[]... chunks) {
        for (byte[] chunk : chunks) {
            add(chunk);
        }
    }

    ScriptedRandom add(byte[] chunk) {
        for (byte b : chunk) {
            queue.addLast(b);
        }
        return this;
    }

    int remaining() {
        return queue.size();
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        if (length > queue.size()) {
            throw new IllegalStateException("test asked for " + length + " random bytes, " + queue.size() + " scripted");
        }
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = queue.removeFirst();
        }
    }
}
