package dev.mtproto.transport;

/**
 * A frame header announced a payload longer than the configured maximum. Thrown before any buffer for
 * the frame is allocated, so a hostile length cannot exhaust memory.
 */
public final class FrameTooLargeException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** The payload length the frame header announced. */
    private final long length;
    /** The configured maximum payload length. */
    private final int limit;

    /**
     * Creates the exception.
     *
     * @param transport the transport's name for the message, e.g. {@code "abridged"}
     * @param length the announced payload length in bytes
     * @param limit the configured maximum payload length in bytes
     */
    public FrameTooLargeException(String transport, long length, int limit) {
        super(transport + " frame length " + length + " exceeds the limit " + limit);
        this.length = length;
        this.limit = limit;
    }

    /**
     * Returns the payload length the frame header announced.
     *
     * @return the announced length in bytes
     */
    public long length() {
        return length;
    }

    /**
     * Returns the limit that was exceeded.
     *
     * @return the configured maximum payload length in bytes
     */
    public int limit() {
        return limit;
    }
}
