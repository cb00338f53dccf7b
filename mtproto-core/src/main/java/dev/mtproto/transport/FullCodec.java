package dev.mtproto.transport;

import java.util.zip.CRC32;

/**
 * The full framing: {@code len(4) seq(4) payload crc(4)}, all little-endian, where {@code len} counts
 * all four parts, {@code seq} numbers the frames of each direction from 0, and {@code crc} is the CRC32
 * of {@code len|seq|payload}. No connection tag, no obfuscation, no quick acks.
 *
 * <p>Inbound frames are checked for the CRC and the expected sequence number. Server to client, a
 * 4-byte payload holding a negative int is a transport error; a negative length word is one too (servers
 * have been seen to send the bare code instead of a frame), after which the rest of the stream is
 * ignored because it cannot be framed any more.
 */
public final class FullCodec extends AbstractFrameCodec {

    private static final int OVERHEAD = 12;

    private final CRC32 sendCrc = new CRC32();
    private int sendSeq;

    /**
     * Creates a codec for one end of one connection; both sequence numbers start at 0.
     *
     * @param side which end it serves
     * @param maxFrameLength the largest payload sent or accepted, in bytes
     * @throws IllegalArgumentException if {@code maxFrameLength} is not in {@code 1..Integer.MAX_VALUE-32}
     * @throws NullPointerException if {@code side} is null
     */
    public FullCodec(TransportSide side, int maxFrameLength) {
        super(TransportKind.FULL, side, maxFrameLength);
    }

    /** Writes the frame with the next outbound sequence number; {@code quickAck} is ignored. */
    @Override
    void writeFrame(byte[] payload, int off, int len, boolean quickAck, ByteSink sink) {
        int total = len + OVERHEAD;
        byte[] o = outBuffer(total);
        INT_LE.set(o, 0, total);
        INT_LE.set(o, 4, sendSeq);
        System.arraycopy(payload, off, o, 8, len);
        sendCrc.reset();
        sendCrc.update(o, 0, 8 + len);
        INT_LE.set(o, 8 + len, (int) sendCrc.getValue());
        sendSeq++;
        sink.write(o, 0, total);
    }

    @Override
    void writeQuickAck(int token, ByteSink sink) {
        throw new IllegalStateException("the full transport has no quick acks");
    }

    @Override
    FrameReader newReader() {
        return new Reader(side() == TransportSide.CLIENT);
    }

    /** Reads {@code len} as the header and {@code seq|payload|crc} as the body. */
    private final class Reader extends FrameReader {
        private final boolean clientSide;
        private final CRC32 crc = new CRC32();
        private int recvSeq;

        Reader(boolean clientSide) {
            super("full transport");
            this.clientSide = clientSide;
        }

        @Override
        int headerLength(int first) {
            return 4;
        }

        @Override
        int bodyLength(byte[] h, int headerLen, FrameListener listener) {
            int total = (int) INT_LE.get(h, 0);
            if (total < 0) {
                if (clientSide) {
                    listener.onTransportError(total);
                    return END_OF_STREAM;
                }
                throw malformed("invalid frame length " + total);
            }
            if (total < OVERHEAD + 4) {
                throw malformed("frame length " + total + " is shorter than " + (OVERHEAD + 4));
            }
            if ((long) total - OVERHEAD > maxFrameLength()) {
                throw new FrameTooLargeException("full transport", (long) total - OVERHEAD, maxFrameLength());
            }
            if ((total & 3) != 0) {
                throw malformed("frame length " + total + " is not a multiple of 4");
            }
            return total - 4;
        }

        @Override
        void frame(byte[] h, byte[] buf, int off, int len, FrameListener listener) {
            int payloadLen = len - 8;
            crc.reset();
            crc.update(h, 0, 4);
            crc.update(buf, off, len - 4);
            if ((int) crc.getValue() != (int) INT_LE.get(buf, off + len - 4)) {
                throw malformed("CRC32 mismatch in frame seq " + recvSeq);
            }
            int seq = (int) INT_LE.get(buf, off);
            if (seq != recvSeq) {
                throw malformed("expected frame seq " + recvSeq + ", got " + seq);
            }
            recvSeq++;
            int first = clientSide && payloadLen == 4 ? (int) INT_LE.get(buf, off + 4) : 0;
            if (first < 0) {
                listener.onTransportError(first);
            } else {
                listener.onFrame(buf, off + 4, payloadLen, false);
            }
        }
    }
}
