package dev.mtproto.transport;

import static dev.mtproto.transport.AbstractFrameCodec.INT_LE;

/**
 * The reader both intermediate framings share: each frame starts with a 4-byte little-endian length
 * word. Towards the server, the word's top bit asks for a quick ack; towards the client, a word with
 * the top bit set is itself a quick-ack token, and a short frame holding a negative int is a transport
 * error. The framings differ only in which lengths are valid and how long an error frame may be.
 */
abstract class LengthWordReader extends FrameReader {
    private final boolean clientSide;
    private boolean quickAck;

    /**
     * @param transport the framing's name, for error messages
     * @param clientSide whether this reader runs in the client (reads what a server sends)
     */
    LengthWordReader(String transport, boolean clientSide) {
        super(transport);
        this.clientSide = clientSide;
    }

    /**
     * @param length the length word without its top bit
     * @return the body length to read
     * @throws TransportException if the framing does not allow that length
     */
    abstract int checkedLength(int length);

    /** @return whether a frame of {@code len} bytes sent by a server can be a transport error */
    abstract boolean mayBeTransportError(int len);

    /** @return how many of a frame's {@code len} bytes to report as its payload */
    int payloadLength(int len) {
        return len;
    }

    @Override
    final int headerLength(int firstByte) {
        return 4;
    }

    @Override
    final int bodyLength(byte[] header, int headerLen, FrameListener listener) {
        int word = (int) INT_LE.get(header, 0);
        if (clientSide && word < 0) {
            listener.onQuickAck(word);
            return HEADER_ONLY;
        }
        quickAck = word < 0;
        return checkedLength(word & Integer.MAX_VALUE);
    }

    @Override
    final void frame(byte[] header, byte[] buf, int off, int len, FrameListener listener) {
        int first = clientSide && mayBeTransportError(len) ? (int) INT_LE.get(buf, off) : 0;
        if (first < 0) {
            listener.onTransportError(first);
        } else {
            listener.onFrame(buf, off, payloadLength(len), quickAck);
        }
    }
}
