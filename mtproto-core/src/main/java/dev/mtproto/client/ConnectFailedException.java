package dev.mtproto.client;

import dev.mtproto.MtprotoException;

/**
 * A connection could not be made for a reason retrying will not fix: the DC's RSA key is not one the client
 * trusts, the DC has no known address, a proxy refused our credentials, the session store cannot be read.
 * The client stops trying; the message says what to fix. {@link #getCause()} has the underlying failure.
 */
public final class ConnectFailedException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    private final ConnectionId connection;

    /**
     * @param connection the connection that failed
     * @param cause why
     */
    public ConnectFailedException(ConnectionId connection, Throwable cause) {
        super("cannot connect to " + connection + ": " + ConnectFailures.advice(cause), cause);
        this.connection = connection;
    }

    /** @return the connection that failed */
    public ConnectionId connection() {
        return connection;
    }
}
