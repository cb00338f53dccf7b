package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.util.Arrays;

/** A {@link RandomSource} that hands out a fixed byte script in order and fails when it runs out. */
final class ScriptedRandom implements RandomSource {

    private final byte[] script;
    private int position;

    ScriptedRandom(byte[]... parts) {
        this.script = Vectors.concat(parts);
    }

    @Override
    public void nextBytes(byte[] dst, int off, int len) {
        if (position + len > script.length) {
            throw new IllegalStateException("random script exhausted: asked for " + len + " bytes at " + position
                    + " of " + script.length);
        }
        System.arraycopy(script, position, dst, off, len);
        position += len;
    }

    boolean exhausted() {
        return position == script.length;
    }

    @Override
    public String toString() {
        return "ScriptedRandom" + Arrays.toString(Arrays.copyOfRange(script, position, Math.min(script.length, position + 8)));
    }
}
