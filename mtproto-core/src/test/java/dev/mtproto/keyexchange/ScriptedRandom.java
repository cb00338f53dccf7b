package dev.mtproto.keyexchange;

import dev.mtproto.crypto.RandomSource;

/** Hands out the given bytes in order and fails when asked for more than were given. */
final class ScriptedRandom implements RandomSource {
    private final byte[] script;
    private int next;

    ScriptedRandom(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        script = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, script, at, part.length);
            at += part.length;
        }
    }

    int remaining() {
        return script.length - next;
    }

    @Override
    public void nextBytes(byte[] buffer, int offset, int length) {
        if (length > remaining()) {
            throw new IllegalStateException("asked for " + length + " random bytes, only " + remaining() + " scripted");
        }
        System.arraycopy(script, next, buffer, offset, length);
        next += length;
    }
}
