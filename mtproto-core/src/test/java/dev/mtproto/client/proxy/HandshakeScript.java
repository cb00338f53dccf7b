package dev.mtproto.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Runs a {@link ProxyHandshake} against the bytes a proxy would send, cut where a test says, the way the
 * dialer does it: never more than {@link ProxyHandshake#wanted()} bytes at a time.
 */
final class HandshakeScript {
    private HandshakeScript() {
    }

    /**
     * @param handshake a fresh handshake
     * @param fromProxy everything the proxy sends (possibly more than the handshake)
     * @param firstCut the first read takes at most this many bytes (0: no first read)
     * @param chunk every later read takes at most this many
     * @return everything the client sent, then the proxy's bytes the handshake left unread
     * @throws HandshakeFailure if the handshake failed
     */
    static Result run(ProxyHandshake handshake, byte[] fromProxy, int firstCut, int chunk) throws HandshakeFailure {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.writeBytes(handshake.start());
        int at = 0;
        boolean first = firstCut > 0;
        while (!handshake.done() && at < fromProxy.length) {
            int n = Math.min(Math.min(first ? firstCut : chunk, handshake.wanted()), fromProxy.length - at);
            first = false;
            sent.writeBytes(handshake.receive(fromProxy, at, n));
            at += n;
        }
        return new Result(sent.toByteArray(), Arrays.copyOfRange(fromProxy, at, fromProxy.length), handshake.done());
    }

    /**
     * Runs the script once for every first cut 1..length and once byte by byte, and checks each run gives the
     * same result.
     *
     * @return that result
     */
    static Result everyCut(java.util.function.Supplier<ProxyHandshake> handshakes, byte[] fromProxy) throws HandshakeFailure {
        Result whole = run(handshakes.get(), fromProxy, 0, Integer.MAX_VALUE);
        for (int cut = 1; cut <= fromProxy.length; cut++) {
            assertThat(run(handshakes.get(), fromProxy, cut, Integer.MAX_VALUE)).as("first read of %d bytes", cut).isEqualTo(whole);
        }
        assertThat(run(handshakes.get(), fromProxy, 0, 1)).as("byte by byte").isEqualTo(whole);
        return whole;
    }

    /** What a run did. */
    record Result(byte[] sent, byte[] unread, boolean done) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(r.sent, sent) && Arrays.equals(r.unread, unread) && r.done == done;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sent) * 31 + Arrays.hashCode(unread);
        }

        @Override
        public String toString() {
            return "Result[sent=" + java.util.HexFormat.of().formatHex(sent) + ", unread=" + unread.length + ", done=" + done + "]";
        }
    }

    /** @return the bytes concatenated */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** @return the unsigned values as bytes */
    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
