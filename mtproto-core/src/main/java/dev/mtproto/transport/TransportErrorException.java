package dev.mtproto.transport;

/**
 * The server answered with a transport error: a frame whose payload is a single negative 32-bit integer
 * instead of an MTProto message (for example -404 when the server does not know the auth key, -429 when
 * there are too many connections, -444 for an invalid DC).
 *
 * <p>{@link FrameListener#onTransportError(int)} throws this exception unless a listener overrides it.
 */
public final class TransportErrorException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** The negative error code the server sent. */
    private final int code;

    /**
     * Creates the exception for a transport error code.
     *
     * @param code the negative error code the server sent
     */
    public TransportErrorException(int code) {
        super("transport error " + code + describe(code));
        this.code = code;
    }

    /**
     * Returns the error code the server sent.
     *
     * @return the (negative) error code, e.g. -404
     */
    public int code() {
        return code;
    }

    private static String describe(int code) {
        return switch (code) {
            case -404 -> " (auth key not found, or the request could not be decrypted)";
            case -429 -> " (too many transport connections or requests: flood)";
            case -444 -> " (invalid DC)";
            default -> "";
        };
    }
}
