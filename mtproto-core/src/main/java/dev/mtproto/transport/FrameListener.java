package dev.mtproto.transport;

/**
 * Receives what a decoder finds in the inbound byte stream. Called synchronously from
 * {@code decode(...)}, in stream order.
 *
 * <p>Only {@link #onFrame} must be implemented. On the server side only {@code onFrame} is ever called.
 */
public interface FrameListener {

    /**
     * A complete frame arrived. The region is a view into a buffer the transport reuses: it is valid only
     * during this call, and a listener that needs the bytes later must copy them. The listener may
     * modify the region in place (e.g. decrypt it).
     *
     * <p>For the padded intermediate transport the region is the frame body cut down to a multiple of 4
     * bytes; up to 12 bytes of random padding may remain at its end, because the transport cannot tell
     * padding from payload. MTProto messages carry their own lengths.
     *
     * @param buf the array holding the payload
     * @param off the index of the first payload byte
     * @param len the payload length in bytes
     * @param quickAckRequested on the server side: the client asked for a quick ack of this frame;
     *     always {@code false} on the client side
     */
    void onFrame(byte[] buf, int off, int len, boolean quickAckRequested);

    /**
     * A quick-ack token arrived (client side only). The token is the 32-bit value the server computed,
     * most significant bit set, already un-swapped for the abridged transport. The default ignores it.
     *
     * @param token the token, compare with the one computed when sending the message
     */
    default void onQuickAck(int token) {
        // quick acks are an optimisation; ignoring them is correct
    }

    /**
     * The server sent a transport error (client side only). The default throws.
     *
     * @param code the negative error code, e.g. -404
     * @throws TransportErrorException by default, carrying {@code code}
     */
    default void onTransportError(int code) {
        throw new TransportErrorException(code);
    }
}
