package dev.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.mtproto.transport.InboundEvent.Frame;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile and broken input: random bytes, mutated streams, truncation, huge lengths, bad CRC, wrong
 * sequence numbers. Only {@link TransportException}s may come out, never an OOM, a hang, an
 * IndexOutOfBounds or an NPE, and a frame is never reported outside its buffer or above the limit.
 */
class HostileInputTest {

    private static final int MAX = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;

    /** Checks every reported frame lies inside its buffer and within the limit; collects nothing. */
    private static FrameListener checking(int limit) {
        return new FrameListener() {
            @Override
            public void onFrame(byte[] buf, int off, int len, boolean quickAckRequested) {
                assertThat(off).isGreaterThanOrEqualTo(0);
                assertThat(len).isPositive();
                assertThat(off + len).isLessThanOrEqualTo(buf.length);
                assertThat(len).isLessThanOrEqualTo(limit + 15);
            }

            @Override
            public void onQuickAck(int token) {
                assertThat(token).isNegative();
            }

            @Override
            public void onTransportError(int code) {
                assertThat(code).isNegative();
            }
        };
    }

    /** Runs {@code decoding}; a TransportException is fine, anything else fails the test. */
    private static void onlyTypedExceptions(String what, Runnable decoding) {
        try {
            decoding.run();
        } catch (TransportException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            fail(what + ": untyped " + e, e);
        }
    }

    private static void feedRandomly(byte[] wire, Random rnd, Chunking.ChunkReader reader) {
        Chunking.random(wire.length, rnd).feed(wire, reader);
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void randomBytesIntoEveryCodec(TransportKind kind) {
        Random rnd = new Random(kind.ordinal());
        for (TransportSide side : TransportSide.values()) {
            for (int limit : new int[] {256, MAX}) {
                for (int i = 0; i < 400; i++) {
                    byte[] junk = new byte[1 + rnd.nextInt(3000)];
                    rnd.nextBytes(junk);
                    FrameCodec codec = kind.newCodec(side, limit, new ScriptedRandom());
                    onlyTypedExceptions(kind + " " + side + " " + HexFormat.of().formatHex(junk, 0, Math.min(16, junk.length)),
                            () -> feedRandomly(junk, rnd, (b, off, len) -> codec.decode(b, off, len, checking(limit))));
                }
            }
        }
    }

    @Test
    void randomBytesIntoThePipelines() {
        Random rnd = new Random(42);
        MtproxySecret secret = MtproxySecret.fromHex("00112233445566778899aabbccddeeff");
        for (int i = 0; i < 1500; i++) {
            byte[] junk = new byte[1 + rnd.nextInt(600)];
            rnd.nextBytes(junk);
            if (i % 3 == 0) {
                junk[0] = (byte) 0xef; // get past detection into the abridged decoder
            }
            ServerTransport server = ServerTransport.builder().mtproxySecret(i % 2 == 0 ? null : secret).build();
            onlyTypedExceptions("server", () -> feedRandomly(junk.clone(), rnd,
                    (b, off, len) -> server.decode(b, off, len, checking(MAX))));
            TransportKind kind = TransportKind.values()[i % 3];
            ClientTransport client = ClientTransport.builder(kind).obfuscated(true).build();
            onlyTypedExceptions("obfuscated client", () -> feedRandomly(junk.clone(), rnd,
                    (b, off, len) -> client.decode(b, off, len, checking(MAX))));
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void mutatedValidStreamsBothWays(TransportKind kind) {
        Random rnd = new Random(100 + kind.ordinal());
        for (int round = 0; round < 300; round++) {
            ClientTransport client = ClientTransport.builder(kind).obfuscated(kind.supportsObfuscation() && rnd.nextBoolean())
                    .build();
            ByteArrayOutputStream up = new ByteArrayOutputStream();
            up.writeBytes(client.connectionPreamble());
            FrameCodec server = kind.newCodec(TransportSide.SERVER, MAX, new ScriptedRandom(new byte[4096]));
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            for (int i = 0; i < 6; i++) {
                byte[] p = new byte[4 * (1 + rnd.nextInt(200))];
                rnd.nextBytes(p);
                client.encode(p, 0, p.length, rnd.nextBoolean(), up::write);
                server.encode(p, 0, p.length, false, down::write);
                if (kind.supportsQuickAck() && rnd.nextBoolean()) {
                    server.encodeQuickAck(rnd.nextInt() | Integer.MIN_VALUE, down::write);
                }
            }
            byte[] upWire = mutate(up.toByteArray(), rnd);
            byte[] downWire = mutate(down.toByteArray(), rnd);
            ServerTransport receiver = ServerTransport.builder().build();
            onlyTypedExceptions("to server", () -> feedRandomly(upWire, rnd,
                    (b, off, len) -> receiver.decode(b, off, len, checking(MAX))));
            FrameCodec clientCodec = kind.newCodec(TransportSide.CLIENT, MAX, new ScriptedRandom());
            onlyTypedExceptions("to client", () -> feedRandomly(downWire, rnd,
                    (b, off, len) -> clientCodec.decode(b, off, len, checking(MAX))));
        }
    }

    private static byte[] mutate(byte[] wire, Random rnd) {
        byte[] out = wire.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> {
                for (int i = 0; i < 3; i++) {
                    out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
                }
            }
            case 2 -> out = Arrays.copyOf(out, rnd.nextInt(out.length));
            default -> {
                int at = rnd.nextInt(out.length);
                byte[] longer = new byte[out.length + 1];
                System.arraycopy(out, 0, longer, 0, at);
                longer[at] = (byte) rnd.nextInt(256);
                System.arraycopy(out, at, longer, at + 1, out.length - at);
                out = longer;
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void truncatedStreamsReportOnlyCompleteFramesAndNeverFail(TransportKind kind) {
        Random rnd = new Random(7);
        FrameCodec server = kind.newCodec(TransportSide.SERVER, MAX, new ScriptedRandom(new byte[256]));
        ByteArrayOutputStream down = new ByteArrayOutputStream();
        List<Integer> ends = new ArrayList<>();
        for (int len : new int[] {40, 504, 508, 1024}) {
            byte[] p = new byte[len];
            rnd.nextBytes(p);
            server.encode(p, 0, p.length, false, down::write);
            ends.add(down.size());
        }
        byte[] wire = down.toByteArray();
        for (int cut = 0; cut <= wire.length; cut++) {
            FrameCodec client = kind.newCodec(TransportSide.CLIENT, MAX, new ScriptedRandom());
            List<InboundEvent> events = new ArrayList<>();
            client.decode(wire, 0, cut, InboundEvent.collectInto(events));
            int complete = cut;
            assertThat(events).as("cut at %d", cut).hasSize((int) ends.stream().filter(e -> e <= complete).count());
        }
    }

    @Test
    void hugeLengthsAreRejectedBeforeAllocating() {
        FrameTooLargeException e = catchTooLarge(new AbridgedCodec(TransportSide.SERVER, MAX), "7fffffff");
        assertThat(e).hasMessage("abridged frame length 67108860 exceeds the limit 2097152");
        assertThat(e.length()).isEqualTo(67108860L);
        assertThat(e.limit()).isEqualTo(MAX);
        assertThat(catchTooLarge(new AbridgedCodec(TransportSide.CLIENT, MAX), "7f010008"))
                .hasMessage("abridged frame length 2097156 exceeds the limit 2097152");
        assertThat(catchTooLarge(new IntermediateCodec(TransportSide.CLIENT, MAX), "fcffff7f"))
                .hasMessage("intermediate frame length 2147483644 exceeds the limit 2097152");
        assertThat(catchTooLarge(new IntermediateCodec(TransportSide.SERVER, MAX), "ffffffff"))
                .hasMessage("intermediate frame length 2147483647 exceeds the limit 2097152");
        assertThat(catchTooLarge(new PaddedIntermediateCodec(TransportSide.SERVER, MAX, new ScriptedRandom()), "10002000"))
                .hasMessage("padded intermediate frame length 2097168 exceeds the limit 2097167");
        assertThat(catchTooLarge(new FullCodec(TransportSide.CLIENT, MAX), "10002000"))
                .hasMessage("full transport frame length 2097156 exceeds the limit 2097152");
        ServerTransport server = ServerTransport.builder().build();
        byte[] intermediate = HexFormat.of().parseHex("eeeeeeee" + "00004000");
        assertThatThrownBy(() -> server.decode(intermediate, 0, intermediate.length, checking(MAX)))
                .isInstanceOf(FrameTooLargeException.class);
    }

    private static FrameTooLargeException catchTooLarge(FrameCodec codec, String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        try {
            codec.decode(b, 0, b.length, checking(MAX));
        } catch (FrameTooLargeException e) {
            return e;
        }
        throw new AssertionError("no FrameTooLargeException for " + hex);
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void aHugeAnnouncedFrameCostsMemoryOnlyForTheBytesThatArrive(TransportKind kind) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        FrameCodec codec = kind.newCodec(TransportSide.SERVER, Integer.MAX_VALUE - 32, new ScriptedRandom());
        byte[] header = switch (kind) {
            case ABRIDGED -> HexFormat.of().parseHex("7fffffff");
            case INTERMEDIATE, PADDED_INTERMEDIATE -> HexFormat.of().parseHex("c0ffff7f");
            case FULL -> HexFormat.of().parseHex("c0ffff7f");
        };
        byte[] chunk = new byte[1000];
        codec.decode(header, 0, header.length, checking(Integer.MAX_VALUE));
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10; i++) {
            codec.decode(chunk, 0, chunk.length, checking(Integer.MAX_VALUE));
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated for 10 kB of a frame announced as ~2 GiB").isLessThan(256 * 1024);
    }

    @Test
    void malformedLengthsNameWhatIsWrong() {
        assertMalformed(new AbridgedCodec(TransportSide.CLIENT, MAX), "00", "abridged: frame length 0");
        assertMalformed(new AbridgedCodec(TransportSide.SERVER, MAX), "80", "abridged: frame length 0");
        assertMalformed(new AbridgedCodec(TransportSide.SERVER, MAX), "7f000000", "abridged: frame length 0");
        assertMalformed(new IntermediateCodec(TransportSide.SERVER, MAX), "00000000", "intermediate: frame length 0");
        assertMalformed(new IntermediateCodec(TransportSide.CLIENT, MAX), "0d000000",
                "intermediate: frame length 13 is not a multiple of 4");
        assertMalformed(new PaddedIntermediateCodec(TransportSide.CLIENT, MAX, new ScriptedRandom()), "02000000",
                "padded intermediate: frame length 2 is shorter than 4");
        assertMalformed(new FullCodec(TransportSide.CLIENT, MAX), "08000000",
                "full transport: frame length 8 is shorter than 16");
        assertMalformed(new FullCodec(TransportSide.SERVER, MAX), "12000000",
                "full transport: frame length 18 is not a multiple of 4");
        assertMalformed(new FullCodec(TransportSide.SERVER, MAX), "ffffffff", "full transport: invalid frame length -1");
    }

    private static void assertMalformed(FrameCodec codec, String hex, String message) {
        byte[] b = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> codec.decode(b, 0, b.length, checking(MAX)))
                .isExactlyInstanceOf(TransportException.class).hasMessage(message);
        assertThatThrownBy(() -> codec.decode(new byte[] {1}, 0, 1, checking(MAX)))
                .isInstanceOf(TransportException.class).hasMessageContaining("already failed").hasMessageContaining(message);
    }

    @Test
    void fullTransportChecksCrcAndSequence() {
        byte[] p = new byte[64];
        new Random(3).nextBytes(p);
        FullCodec sender = new FullCodec(TransportSide.SERVER, MAX);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            sender.encode(p, 0, p.length, false, wire::write);
        }
        byte[] good = wire.toByteArray();
        int frame = p.length + 12;

        byte[] badCrc = good.clone();
        badCrc[3 * frame + 20] ^= 0x10;
        FullCodec receiver = new FullCodec(TransportSide.CLIENT, MAX);
        List<InboundEvent> events = new ArrayList<>();
        assertThatThrownBy(() -> receiver.decode(badCrc, 0, badCrc.length, InboundEvent.collectInto(events)))
                .isExactlyInstanceOf(TransportException.class).hasMessage("full transport: CRC32 mismatch in frame seq 3");
        assertThat(events).hasSize(3);

        byte[] replayed = concat(Arrays.copyOf(good, 2 * frame), Arrays.copyOf(good, frame));
        assertThatThrownBy(() -> new FullCodec(TransportSide.SERVER, MAX).decode(replayed, 0, replayed.length, checking(MAX)))
                .isExactlyInstanceOf(TransportException.class).hasMessage("full transport: expected frame seq 2, got 0");

        byte[] skipped = withSeq(Arrays.copyOf(good, frame), 5);
        assertThatThrownBy(() -> new FullCodec(TransportSide.CLIENT, MAX).decode(skipped, 0, skipped.length, checking(MAX)))
                .isExactlyInstanceOf(TransportException.class).hasMessage("full transport: expected frame seq 0, got 5");
    }

    /** Rewrites a full frame's seq and fixes its CRC, so only the sequence check can catch it. */
    private static byte[] withSeq(byte[] frame, int seq) {
        byte[] out = frame.clone();
        out[4] = (byte) seq;
        out[5] = (byte) (seq >>> 8);
        out[6] = (byte) (seq >>> 16);
        out[7] = (byte) (seq >>> 24);
        CRC32 crc = new CRC32();
        crc.update(out, 0, out.length - 4);
        int c = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            out[out.length - 4 + i] = (byte) (c >>> (8 * i));
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return Vectors.concat(a, b);
    }

    @Test
    void aThrowingListenerLeavesTheDecoderFailed() {
        IntermediateCodec codec = new IntermediateCodec(TransportSide.SERVER, MAX);
        byte[] two = HexFormat.of().parseHex("0400000001020304" + "0400000005060708");
        assertThatThrownBy(() -> codec.decode(two, 0, two.length, (b, off, len, q) -> {
            throw new IllegalStateException("session bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("session bug");
        assertThatThrownBy(() -> codec.decode(two, 0, two.length, checking(MAX)))
                .isInstanceOf(TransportException.class).hasMessageContaining("already failed: session bug");
    }

    @Test
    void aDecodedFrameNeverAliasesTheNextChunk() {
        // a frame assembled across chunks is reported from the codec's buffer, a whole one from the chunk
        IntermediateCodec codec = new IntermediateCodec(TransportSide.SERVER, MAX);
        byte[] wire = HexFormat.of().parseHex("08000000" + "0102030405060708");
        List<InboundEvent> events = new ArrayList<>();
        codec.decode(wire, 0, 6, InboundEvent.collectInto(events));
        codec.decode(wire, 6, 6, InboundEvent.collectInto(events));
        codec.decode(wire, 0, 12, InboundEvent.collectInto(events));
        assertThat(events).containsExactly(new Frame(HexFormat.of().parseHex("0102030405060708"), false),
                new Frame(HexFormat.of().parseHex("0102030405060708"), false));
    }
}
