package dev.mtproto.spring.metrics;

import dev.mtproto.MtprotoException;
import dev.mtproto.client.ConnectTimeoutException;
import dev.mtproto.session.RequestTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why a client reconnects, as the bounded {@code reason} tag of {@code mtproto.client.reconnects}: every cause
 * falls into one of these few values, whatever its message.
 */
public enum ReconnectReason {
    /** The DC closed the connection (end of stream). */
    SERVER_CLOSED,
    /** No answer in time: a ping without pong, a connect that took too long. */
    TIMEOUT,
    /** Another I/O failure: refused, reset, unreachable. */
    IO_ERROR,
    /** The DC broke a protocol rule (a check failed, a session could not be used). */
    PROTOCOL_ERROR,
    /** Anything else, or no cause given. */
    OTHER;

    /**
     * @param cause what ended the last connection or attempt, or null
     * @return its reason
     */
    public static ReconnectReason of(@Nullable Throwable cause) {
        if (cause instanceof EOFException) {
            return SERVER_CLOSED;
        }
        if (cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException || cause instanceof RequestTimeoutException) {
            return TIMEOUT;
        }
        if (cause instanceof IOException) {
            return IO_ERROR;
        }
        if (cause instanceof MtprotoException) {
            return PROTOCOL_ERROR;
        }
        return OTHER;
    }

    /** @return the tag value: the name in lower case ({@code server_closed}) */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
