package dev.mtproto.files;

import dev.mtproto.client.ClientClosedException;
import dev.mtproto.client.ConnectFailedException;
import dev.mtproto.client.ConnectTimeoutException;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.OutcomeUnknownException;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.session.SessionClosedException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed part call means for the transfer. Sending a part again is always safe
 * ({@code upload.saveFilePart} with the same bytes, and {@code upload.getFile}, are idempotent), so every failure
 * the DC or the network may not repeat is worth another attempt.
 */
enum PartFailure {
    /** A lost or timed-out connection, an internal server error: try the part again after a pause. */
    TRANSIENT,
    /** {@code FLOOD_WAIT_X} that the client did not wait out: wait X seconds, then try again. */
    FLOOD_WAIT,
    /** An error the DC means (a bad request), or the client is closed: the transfer fails. */
    FATAL;

    /**
     * @param error what the call failed with (unwrapped or not)
     * @return what to do about it
     */
    static PartFailure of(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof ClientClosedException) {
            return FATAL;
        }
        if (e instanceof FloodWaitException) {
            return FLOOD_WAIT;
        }
        if (e instanceof RpcException rpc) {
            return rpc.code() >= 500 || rpc.code() == -503 ? TRANSIENT : FATAL;
        }
        if (e instanceof RequestTimeoutException || e instanceof SessionClosedException || e instanceof OutcomeUnknownException
                || e instanceof ConnectFailedException || e instanceof ConnectTimeoutException
                || e instanceof IOException) {
            return TRANSIENT;
        }
        return FATAL;
    }

    /**
     * @param error a failure, maybe wrapped by a future
     * @return the failure inside
     */
    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
