package dev.mtproto.fuzz.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.fuzz.AllocationBudget;
import dev.mtproto.transport.FrameListener;
import dev.mtproto.transport.ObfuscatedStream;
import dev.mtproto.transport.TransportException;
import dev.mtproto.transport.TransportKind;
import java.io.ByteArrayOutputStream;

/**
 * What the two transport targets ({@link ClientTransportFuzzTest}, {@link ServerTransportFuzzTest}) share:
 * the frame limits they pick from, the allocation budget, the peer's obfuscation in front of the fuzzer's
 * bytes, the feeding in fuzzer-chosen chunks and the per-frame checks.
 */
final class TransportHarness {
    static final int[] LIMITS = {64, 1024, 1 << 21};
    static final AllocationBudget BUDGET = new AllocationBudget(16, 256 << 10);

    private TransportHarness() {
    }

    /** @return the bytes as the decoder receives them: encrypted by the peer's obfuscation, if any */
    static byte[] through(ObfuscatedStream peer, byte[] plain) {
        if (peer == null) {
            return plain.clone();
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream(plain.length);
        peer.outbound(plain, 0, plain.length, encrypted::write);
        return encrypted.toByteArray();
    }

    /**
     * Decodes the stream in chunks of the sizes given (cycled), all at once if none. A decoder that failed
     * must fail again on more bytes.
     */
    static void feed(byte[] stream, byte[] chunkSizes, Decoder decoder) {
        int at = 0;
        int chunk = 0;
        try {
            while (at < stream.length) {
                int size = chunkSizes.length == 0 ? stream.length : 1 + (chunkSizes[chunk++ % chunkSizes.length] & 0xff);
                int n = Math.min(size, stream.length - at);
                decoder.decode(stream, at, n);
                at += n;
            }
        } catch (TransportException expected) {
            byte[] more = {0, 0, 0, 0};
            assertThatThrownBy(() -> decoder.decode(more, 0, more.length)).as("a failed decoder stays failed")
                    .isInstanceOf(TransportException.class);
        }
    }

    /** One side's decode call. */
    @FunctionalInterface
    interface Decoder {
        void decode(byte[] b, int off, int len);
    }

    /**
     * Checks every frame against its buffer and the limit (for padded intermediate: the limit plus the up to
     * 15 bytes of padding it allows, cut down to a multiple of 4, as {@link FrameListener#onFrame} says).
     */
    static final class Checks implements FrameListener {
        private final int limit;

        Checks(int limit, TransportKind kind) {
            this.limit = kind == TransportKind.PADDED_INTERMEDIATE ? limit + 12 : limit;
        }

        // plain comparisons, not AssertJ: an assertion object per frame would count against the allocation
        // budget, and thousands of tiny frames in one input then looked like a decoder over its budget

        @Override
        public void onFrame(byte[] buf, int off, int len, boolean quickAckRequested) {
            if (len < 0 || len > limit) {
                throw new AssertionError("frame length " + len + " outside 0.." + limit);
            }
            if (off < 0 || off > buf.length - len) {
                throw new AssertionError("frame offset " + off + " outside 0.." + (buf.length - len));
            }
        }

        @Override
        public void onTransportError(int code) {
            if (code >= 0) {
                throw new AssertionError("transport error code " + code + " is not negative");
            }
        }
    }
}
