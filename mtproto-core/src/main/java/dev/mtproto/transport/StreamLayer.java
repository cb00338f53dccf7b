package dev.mtproto.transport;

/**
 * A byte-stream stage between the framing codec and the socket: it sees no frames, only bytes:
 * {@link ObfuscatedStream} and, outside it, {@link FakeTlsRecordLayer} (see the package documentation).
 *
 * <p>Both methods may transform the given region in place and must pass every resulting byte on, in
 * order, before returning (a layer that needs to hold bytes back keeps its own buffer). Threading as for
 * {@link FrameCodec}: one thread per direction.
 */
public interface StreamLayer {

    /**
     * Returns the bytes this layer itself must send before anything else (its handshake), already in
     * wire form; empty if it has none. The same bytes every time.
     *
     * @return a fresh copy of the preamble
     */
    byte[] preamble();

    /**
     * Transforms bytes travelling towards the socket and passes them on.
     *
     * @param b the array holding the bytes; the region may be overwritten
     * @param off the index of the first byte
     * @param len the number of bytes
     * @param next the stage closer to the socket
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code b}
     */
    void outbound(byte[] b, int off, int len, ByteSink next);

    /**
     * Transforms bytes arriving from the socket and passes them on.
     *
     * @param b the array holding the bytes; the region may be overwritten
     * @param off the index of the first byte
     * @param len the number of bytes
     * @param next the stage closer to the framing codec
     * @throws TransportException if the bytes violate this layer's protocol
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code b}
     */
    void inbound(byte[] b, int off, int len, ByteSink next);
}
