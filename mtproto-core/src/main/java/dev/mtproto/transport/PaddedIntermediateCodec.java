package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.util.Objects;

/**
 * The padded intermediate framing: a 4-byte little-endian length of payload plus 0..15 random padding
 * bytes, then both. Meant to be used with obfuscation (MTProxy {@code dd} secrets).
 *
 * <ul>
 *   <li>Client to server: a quick-ack request sets the top bit of the length.</li>
 *   <li>Server to client: a length word with the top bit set is a quick-ack token; a frame shorter than
 *       the smallest MTProto packet (24 bytes) that starts with a negative int is a transport error
 *       (the padding may follow the code).</li>
 * </ul>
 * The padding length is not on the wire, so inbound frames are reported cut down to a multiple of 4
 * bytes, with up to 12 padding bytes possibly left at the end (see {@link FrameListener#onFrame}).
 * The limit applies to the payload; a frame may exceed it by the 15 padding bytes.
 */
public final class PaddedIntermediateCodec extends AbstractFrameCodec {

    private static final int MAX_PADDING = 15;
    private static final int SMALLEST_PACKET = 24;

    private final RandomSource random;
    private final byte[] padLength = new byte[1];

    /**
     * Creates a codec for one end of one connection.
     *
     * @param side which end it serves
     * @param maxFrameLength the largest payload sent or accepted, in bytes
     * @param random where padding lengths and bytes come from
     * @throws IllegalArgumentException if {@code maxFrameLength} is not in {@code 1..Integer.MAX_VALUE-32}
     * @throws NullPointerException if {@code side} or {@code random} is null
     */
    public PaddedIntermediateCodec(TransportSide side, int maxFrameLength, RandomSource random) {
        super(TransportKind.PADDED_INTERMEDIATE, side, maxFrameLength);
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Writes the frame with 0..15 random padding bytes: the first random byte's low 4 bits give the
     * padding length, the following random bytes the padding.
     */
    @Override
    void writeFrame(byte[] payload, int off, int len, boolean quickAck, ByteSink sink) {
        random.nextBytes(padLength, 0, 1);
        int pad = padLength[0] & MAX_PADDING;
        byte[] o = outBuffer(len + 4 + pad);
        int total = len + pad;
        INT_LE.set(o, 0, quickAck ? total | Integer.MIN_VALUE : total);
        System.arraycopy(payload, off, o, 4, len);
        random.nextBytes(o, 4 + len, pad);
        sink.write(o, 0, 4 + total);
    }

    /** Sends the error code unpadded, exactly 4 payload bytes, as a server does. */
    @Override
    public void encodeTransportError(int code, ByteSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (side() != TransportSide.SERVER) {
            throw new IllegalStateException("only a server sends transport errors");
        }
        if (code >= 0) {
            throw new IllegalArgumentException("a transport error code is negative: " + code);
        }
        byte[] o = outBuffer(8);
        INT_LE.set(o, 0, 4);
        INT_LE.set(o, 4, code);
        sink.write(o, 0, 8);
    }

    @Override
    FrameReader newReader() {
        return new LengthWordReader("padded intermediate", side() == TransportSide.CLIENT) {
            @Override
            int checkedLength(int length) {
                if (length < 4) {
                    throw malformed("frame length " + length + " is shorter than 4");
                }
                long limit = (long) maxFrameLength() + MAX_PADDING;
                if (length > limit) {
                    throw new FrameTooLargeException("padded intermediate", length, (int) Math.min(limit, Integer.MAX_VALUE));
                }
                return length;
            }

            @Override
            boolean mayBeTransportError(int len) {
                return len < SMALLEST_PACKET;
            }

            @Override
            int payloadLength(int len) {
                return len & ~3;
            }
        };
    }
}
