package dev.mtproto.transport;

import java.util.Objects;

/**
 * A FakeTLS ({@code ee} MTProxy secret) exchange went wrong: the peer's handshake or records are not what
 * an MTProxy and its clients send, or a check on the ClientHello failed. {@link #reason()} says which.
 * The message never contains the secret.
 */
public final class FakeTlsException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Reason {
        /** A record header or a handshake message is malformed (wrong type, version or length). */
        MALFORMED,
        /** The HMAC in the ServerHello (client side) or the ClientHello (server side) does not match the secret. */
        BAD_HMAC,
        /** The ClientHello's timestamp is outside the server's window. */
        STALE_TIMESTAMP,
        /** The ClientHello's random was seen before. */
        REPLAYED,
        /** The ClientHello names another domain than the secret's. */
        WRONG_SERVER_NAME
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason what was wrong
     * @param message the details, without secret material
     * @throws NullPointerException if {@code reason} is null
     */
    public FakeTlsException(Reason reason, String message) {
        super("FakeTLS: " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns what was wrong.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
