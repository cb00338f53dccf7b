package dev.mtproto.transport;

import dev.mtproto.MtprotoException;

/**
 * The byte stream of a transport connection violates the transport protocol: a malformed or oversized
 * frame, a bad checksum, a wrong sequence number, an unknown protocol tag, a connection preamble that
 * names no supported transport.
 *
 * <p>After a decoder has thrown this exception the stream cannot be re-synchronised; the connection must
 * be closed. Decoders remember the failure and throw again on every later call.
 */
public class TransportException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception that says what was wrong with the stream.
     *
     * @param message what was wrong, e.g. {@code "full transport: CRC32 mismatch in frame seq 3"}
     */
    public TransportException(String message) {
        super(message);
    }

    /**
     * Creates an exception with the failure that caused it.
     *
     * @param message what was wrong
     * @param cause the underlying failure
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
