package dev.mtproto.transport;

/**
 * One framing ({@link TransportKind}) for one end ({@link TransportSide}) of one connection: turns
 * MTProto packets into frames and a byte stream back into frames. Sans-IO: it never touches a socket.
 *
 * <p>The codec knows nothing about the connection tag or obfuscation; {@link ClientTransport} and
 * {@link ServerTransport} put those around it.
 *
 * <p>Threading: the encode methods and {@link #decode} keep separate state, so one thread may encode
 * while another decodes. Neither direction is safe for concurrent use by several threads.
 */
public interface FrameCodec {

    /** Default largest payload, in bytes: Telegram payloads go up to about 1 MiB plus overhead. */
    int DEFAULT_MAX_FRAME_LENGTH = 2 * 1024 * 1024;

    /**
     * Returns the framing this codec speaks.
     *
     * @return the kind
     */
    TransportKind kind();

    /**
     * Returns the end of the connection this codec serves.
     *
     * @return the side
     */
    TransportSide side();

    /**
     * Returns the largest payload this codec sends or accepts.
     *
     * @return the limit in bytes
     */
    int maxFrameLength();

    /**
     * Writes one frame carrying {@code payload[off, off+len)} to {@code out}, in one {@code write} call
     * on a buffer the codec owns (so later stages may transform it in place). The payload array is not
     * modified.
     *
     * @param payload the array holding the MTProto packet
     * @param off the index of its first byte
     * @param len its length: positive and a multiple of 4
     * @param quickAck client side: ask the server for a quick ack (ignored by {@link TransportKind#FULL},
     *     which has no such flag); must be {@code false} on the server side
     * @param out where the frame goes
     * @throws IllegalArgumentException if {@code len} is not positive, not a multiple of 4, or above
     *     {@link #maxFrameLength()}
     * @throws IllegalStateException if {@code quickAck} is set on the server side
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code payload}
     */
    void encode(byte[] payload, int off, int len, boolean quickAck, ByteSink out);

    /**
     * Server side: writes a quick-ack token in this framing's form (byte-swapped for abridged).
     *
     * @param token the 32-bit token with its most significant bit set
     * @param out where the bytes go
     * @throws IllegalArgumentException if the token's most significant bit is clear
     * @throws IllegalStateException on the client side, or for {@link TransportKind#FULL}
     */
    void encodeQuickAck(int token, ByteSink out);

    /**
     * Server side: writes a transport error, a frame whose payload is the 4-byte negative code.
     *
     * @param code the error code, negative (e.g. -404)
     * @param out where the bytes go
     * @throws IllegalArgumentException if {@code code} is not negative
     * @throws IllegalStateException on the client side
     */
    void encodeTransportError(int code, ByteSink out);

    /**
     * Consumes a chunk of the inbound stream, of any size (one byte at a time works), and reports every
     * frame, quick ack and transport error completed by it to {@code listener}. Bytes of an incomplete
     * frame are kept for the next call. The chunk is not modified.
     *
     * <p>If the listener throws, the exception propagates and the codec is unusable afterwards (the
     * rest of the chunk is lost); listeners that want to drop a bad frame must catch their own failures.
     *
     * @param in the array holding the bytes
     * @param off the index of the first byte
     * @param len the number of bytes, possibly 0
     * @param listener receives what was decoded
     * @throws FrameTooLargeException if a header announces a payload above {@link #maxFrameLength()};
     *     checked before anything is allocated for it
     * @throws TransportException if the stream is malformed (zero or misaligned length, CRC mismatch,
     *     wrong sequence number), or if an earlier call failed
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code in}
     */
    void decode(byte[] in, int off, int len, FrameListener listener);
}
