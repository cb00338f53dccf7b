package dev.mtproto.transport;

/**
 * The abridged framing: the payload length in 4-byte words as one byte ({@code 0x01..0x7e}) or as
 * {@code 0x7f} followed by 3 little-endian bytes.
 *
 * <ul>
 *   <li>Client to server: a quick-ack request sets the top bit of the first byte ({@code len|0x80}, or
 *       {@code 0xff} for the long form).</li>
 *   <li>Server to client: a first byte with the top bit set starts a 4-byte quick-ack token sent
 *       byte-swapped (big-endian), so its top bit comes first; a 4-byte payload holding a negative int
 *       is a transport error.</li>
 * </ul>
 */
public final class AbridgedCodec extends AbstractFrameCodec {

    private static final int LONG_FORM = 0x7f;
    private static final int QUICK_ACK_BIT = 0x80;
    private static final int MAX_WORDS = (1 << 24) - 1;

    /**
     * Creates a codec for one end of one connection.
     *
     * @param side which end it serves
     * @param maxFrameLength the largest payload sent or accepted, in bytes
     * @throws IllegalArgumentException if {@code maxFrameLength} is not in {@code 1..Integer.MAX_VALUE-32}
     * @throws NullPointerException if {@code side} is null
     */
    public AbridgedCodec(TransportSide side, int maxFrameLength) {
        super(TransportKind.ABRIDGED, side, maxFrameLength);
    }

    @Override
    void writeFrame(byte[] payload, int off, int len, boolean quickAck, ByteSink sink) {
        int words = len >>> 2;
        if (words > MAX_WORDS) {
            throw new IllegalArgumentException("abridged: payload length " + len + " cannot be represented");
        }
        byte[] o = outBuffer(len + 4);
        int flag = quickAck ? QUICK_ACK_BIT : 0;
        int h;
        if (words < LONG_FORM) {
            o[0] = (byte) (words | flag);
            h = 1;
        } else {
            o[0] = (byte) (LONG_FORM | flag);
            o[1] = (byte) words;
            o[2] = (byte) (words >>> 8);
            o[3] = (byte) (words >>> 16);
            h = 4;
        }
        System.arraycopy(payload, off, o, h, len);
        sink.write(o, 0, h + len);
    }

    @Override
    void writeQuickAck(int token, ByteSink sink) {
        byte[] o = outBuffer(4);
        INT_BE.set(o, 0, token);
        sink.write(o, 0, 4);
    }

    @Override
    FrameReader newReader() {
        return side() == TransportSide.CLIENT ? new ClientReader() : new ServerReader();
    }

    private int checkedLength(FrameReader reader, int words) {
        if (words == 0) {
            throw reader.malformed("frame length 0");
        }
        long length = words * 4L;
        if (length > maxFrameLength()) {
            throw new FrameTooLargeException("abridged", length, maxFrameLength());
        }
        return (int) length;
    }

    private static int words(byte[] h, int headerLen) {
        return headerLen == 1 ? h[0] & LONG_FORM : (h[1] & 0xff) | (h[2] & 0xff) << 8 | (h[3] & 0xff) << 16;
    }

    /** Server to client: frames, byte-swapped quick-ack tokens, transport errors. */
    private final class ClientReader extends FrameReader {
        ClientReader() {
            super("abridged");
        }

        @Override
        int headerLength(int first) {
            return (first & QUICK_ACK_BIT) != 0 || first == LONG_FORM ? 4 : 1;
        }

        @Override
        int bodyLength(byte[] h, int headerLen, FrameListener listener) {
            if ((h[0] & QUICK_ACK_BIT) != 0) {
                listener.onQuickAck((int) INT_BE.get(h, 0));
                return HEADER_ONLY;
            }
            return checkedLength(this, words(h, headerLen));
        }

        @Override
        void frame(byte[] h, byte[] buf, int off, int len, FrameListener listener) {
            int first = len == 4 ? (int) INT_LE.get(buf, off) : 0;
            if (first < 0) {
                listener.onTransportError(first);
            } else {
                listener.onFrame(buf, off, len, false);
            }
        }
    }

    /** Client to server: frames, possibly flagged for a quick ack. */
    private final class ServerReader extends FrameReader {
        private boolean quickAck;

        ServerReader() {
            super("abridged");
        }

        @Override
        int headerLength(int first) {
            return (first & LONG_FORM) == LONG_FORM ? 4 : 1;
        }

        @Override
        int bodyLength(byte[] h, int headerLen, FrameListener listener) {
            quickAck = (h[0] & QUICK_ACK_BIT) != 0;
            return checkedLength(this, words(h, headerLen));
        }

        @Override
        void frame(byte[] h, byte[] buf, int off, int len, FrameListener listener) {
            listener.onFrame(buf, off, len, quickAck);
        }
    }
}
