package dev.mtproto.client;

import dev.mtproto.MtprotoException;
import java.time.Duration;

/**
 * {@link MtprotoClient#connect()} gave up waiting: no usable connection within the connect timeout. The
 * failure looked temporary (no route, connection refused, no answer), so the client goes on trying in the
 * background and calls made meanwhile wait for it (until their own deadlines). {@link #getCause()} has the
 * last attempt's failure, if one ended.
 */
public final class ConnectTimeoutException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /**
     * @param connection the connection waited for
     * @param waited how long
     * @param lastFailure the last attempt's failure, or null
     */
    public ConnectTimeoutException(ConnectionId connection, Duration waited, Throwable lastFailure) {
        super("no connection to " + connection + " within " + waited.toMillis() + " ms"
                + (lastFailure == null ? "" : "; last attempt: " + lastFailure.getMessage()) + "; still trying", lastFailure);
    }
}
