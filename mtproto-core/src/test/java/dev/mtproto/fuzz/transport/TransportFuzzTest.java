package dev.mtproto.fuzz.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.fuzz.AllocationBudget;
import dev.mtproto.fuzz.SeededRandom;
import dev.mtproto.transport.ClientTransport;
import dev.mtproto.transport.FrameListener;
import dev.mtproto.transport.MtproxySecret;
import dev.mtproto.transport.Obfuscated2Header;
import dev.mtproto.transport.ObfuscatedStream;
import dev.mtproto.transport.ServerTransport;
import dev.mtproto.transport.TransportException;
import dev.mtproto.transport.TransportKind;
import java.io.ByteArrayOutputStream;
import java.util.OptionalInt;

/**
 * Every transport codec's decoder (https://core.telegram.org/mtproto/mtproto-transports), both sides, each
 * kind, with and without obfuscated2 (and an MTProxy secret on the server side), fed fuzzer-chosen bytes in
 * fuzzer-chosen chunks. With obfuscation the harness encrypts the fuzzer's bytes with the peer's key
 * stream, so that they reach the codec as the fuzzer wrote them.
 *
 * <p>Allowed out: {@link TransportException} (and its subclasses {@code FrameTooLargeException},
 * {@code TransportErrorException}). Every frame reported lies inside its buffer and within the limit; once
 * a decoder has failed, it keeps failing; nothing allocates more than the bytes received justify.
 */
class TransportFuzzTest {
    private static final int[] LIMITS = {64, 1024, 1 << 21};
    private static final AllocationBudget BUDGET = new AllocationBudget(16, 256 << 10);
    private static final MtproxySecret SECRET = MtproxySecret.fromHex("dd0123456789abcdef0123456789abcdef");

    @FuzzTest(maxDuration = "10s")
    void clientSide(FuzzedDataProvider data) {
        TransportKind kind = data.pickValue(TransportKind.values());
        boolean obfuscated = kind.supportsObfuscation() && data.consumeBoolean();
        int limit = data.pickValue(LIMITS);
        byte[] chunks = data.consumeBytes(8);
        byte[] fromServer = data.consumeRemainingAsBytes();
        BUDGET.run(fromServer.length, () -> {
            ClientTransport client = ClientTransport.builder(kind).obfuscated(obfuscated).maxFrameLength(limit)
                    .random(new SeededRandom(1)).build();
            ObfuscatedStream server = obfuscated ? ObfuscatedStream.server(client.connectionPreamble(), 0, null) : null;
            Checks frames = new Checks(limit, kind);
            feed(through(server, fromServer), chunks, (b, off, len) -> client.decode(b, off, len, frames));
        });
    }

    @FuzzTest(maxDuration = "10s")
    void serverSide(FuzzedDataProvider data) {
        TransportKind kind = data.pickValue(TransportKind.values());
        // 0 plain with the tag sent, 1 plain (the fuzzer writes the tag, or not), 2 obfuscated, 3 with an MTProxy secret
        int mode = kind.supportsObfuscation() ? data.consumeInt(0, 3) : data.consumeInt(0, 1);
        int dcId = data.consumeInt(-5, 5);
        int limit = data.pickValue(LIMITS);
        byte[] chunks = data.consumeBytes(8);
        byte[] fromClient = data.consumeRemainingAsBytes();
        BUDGET.run(fromClient.length, () -> {
            MtproxySecret secret = mode == 3 ? SECRET : null;
            ServerTransport server = ServerTransport.builder().mtproxySecret(secret).maxFrameLength(limit)
                    .random(new SeededRandom(2)).build();
            Checks frames = new Checks(limit, kind);
            ObfuscatedStream client = null;
            byte[] first = mode == 0 ? kind.connectionTag() : new byte[0];
            if (mode >= 2) {
                client = ObfuscatedStream.client(Obfuscated2Header.generate(kind, OptionalInt.of(dcId), new SeededRandom(3)), secret);
                first = client.preamble();
            }
            server.decode(first, 0, first.length, frames);
            feed(through(client, fromClient), chunks, (b, off, len) -> server.decode(b, off, len, frames));
        });
    }

    /** @return the bytes as the decoder receives them: encrypted by the peer's obfuscation, if any */
    private static byte[] through(ObfuscatedStream peer, byte[] plain) {
        if (peer == null) {
            return plain.clone();
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream(plain.length);
        peer.outbound(plain, 0, plain.length, encrypted::write);
        return encrypted.toByteArray();
    }

    /** Decodes the stream in chunks of the sizes given (cycled), all at once if none. */
    private static void feed(byte[] stream, byte[] chunkSizes, Decoder decoder) {
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

    @FunctionalInterface
    private interface Decoder {
        void decode(byte[] b, int off, int len);
    }

    /**
     * Checks every frame against its buffer and the limit (for padded intermediate: the limit plus the up to
     * 15 bytes of padding it allows, cut down to a multiple of 4, as {@link FrameListener#onFrame} says).
     */
    private static final class Checks implements FrameListener {
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
