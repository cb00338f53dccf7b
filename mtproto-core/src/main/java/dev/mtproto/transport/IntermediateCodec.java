package dev.mtproto.transport;

/**
 * The intermediate framing: a 4-byte little-endian payload length, then the payload.
 *
 * <ul>
 *   <li>Client to server: a quick-ack request sets the top bit of the length
 *       ({@code len | 0x80000000}).</li>
 *   <li>Server to client: a length word with the top bit set is itself a quick-ack token (sent
 *       little-endian, no payload follows); a 4-byte payload holding a negative int is a transport
 *       error.</li>
 * </ul>
 * Lengths must be positive multiples of 4, as every MTProto packet is.
 */
public final class IntermediateCodec extends AbstractFrameCodec {

    /**
     * Creates a codec for one end of one connection.
     *
     * @param side which end it serves
     * @param maxFrameLength the largest payload sent or accepted, in bytes
     * @throws IllegalArgumentException if {@code maxFrameLength} is not in {@code 1..Integer.MAX_VALUE-32}
     * @throws NullPointerException if {@code side} is null
     */
    public IntermediateCodec(TransportSide side, int maxFrameLength) {
        super(TransportKind.INTERMEDIATE, side, maxFrameLength);
    }

    @Override
    void writeFrame(byte[] payload, int off, int len, boolean quickAck, ByteSink sink) {
        byte[] o = outBuffer(len + 4);
        INT_LE.set(o, 0, quickAck ? len | Integer.MIN_VALUE : len);
        System.arraycopy(payload, off, o, 4, len);
        sink.write(o, 0, len + 4);
    }

    @Override
    void writeQuickAck(int token, ByteSink sink) {
        byte[] o = outBuffer(4);
        INT_LE.set(o, 0, token);
        sink.write(o, 0, 4);
    }

    @Override
    FrameReader newReader() {
        return new Reader(side() == TransportSide.CLIENT);
    }

    /** Both directions; {@code clientSide} decides what a length with the top bit set means. */
    private final class Reader extends FrameReader {
        private final boolean clientSide;
        private boolean quickAck;

        Reader(boolean clientSide) {
            super("intermediate");
            this.clientSide = clientSide;
        }

        @Override
        int headerLength(int first) {
            return 4;
        }

        @Override
        int bodyLength(byte[] h, int headerLen, FrameListener listener) {
            int word = (int) INT_LE.get(h, 0);
            if (clientSide && word < 0) {
                listener.onQuickAck(word);
                return HEADER_ONLY;
            }
            quickAck = word < 0;
            int length = word & Integer.MAX_VALUE;
            if (length == 0) {
                throw malformed("frame length 0");
            }
            if (length > maxFrameLength()) {
                throw new FrameTooLargeException("intermediate", length, maxFrameLength());
            }
            if ((length & 3) != 0) {
                throw malformed("frame length " + length + " is not a multiple of 4");
            }
            return length;
        }

        @Override
        void frame(byte[] h, byte[] buf, int off, int len, FrameListener listener) {
            int first = clientSide && len == 4 ? (int) INT_LE.get(buf, off) : 0;
            if (first < 0) {
                listener.onTransportError(first);
            } else {
                listener.onFrame(buf, off, len, quickAck);
            }
        }
    }
}
