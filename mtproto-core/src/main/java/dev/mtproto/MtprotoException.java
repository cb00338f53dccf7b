package dev.mtproto;

/**
 * Root of every exception this library throws on purpose.
 *
 * <p>Subclasses name the layer that failed (TL decoding, a security check of the protocol, a transport
 * error, an RPC error returned by the server, ...). They are unchecked because most of them surface
 * through {@link java.util.concurrent.CompletableFuture}s, where checked exceptions do not help.
 */
public class MtprotoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what went wrong.
     *
     * @param message what went wrong, never a secret
     */
    public MtprotoException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, never a secret
     * @param cause the failure that led to this one
     */
    public MtprotoException(String message, Throwable cause) {
        super(message, cause);
    }
}
