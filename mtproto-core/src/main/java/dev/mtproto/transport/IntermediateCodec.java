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
    FrameReader newReader() {
        return new LengthWordReader("intermediate", side() == TransportSide.CLIENT) {
            @Override
            int checkedLength(int length) {
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
            boolean mayBeTransportError(int len) {
                return len == 4;
            }
        };
    }
}
