package dev.mtproto.client.event;

import dev.mtproto.client.ConnectionId;
import java.util.Objects;

/**
 * One attempt of one call, as events report it.
 *
 * @param callId a number that identifies the call within its client (the same for all its attempts)
 * @param method the TL name of the function ({@code messages.sendMessage}); wrappers such as
 *     {@code invokeWithLayer} are not part of it
 * @param connection where the attempt goes
 * @param attempt 1 for the first attempt, then 2, 3... when an interceptor retries
 */
public record CallInfo(long callId, String method, ConnectionId connection, int attempt) {
    /** @throws NullPointerException if the method or connection is null */
    public CallInfo {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(connection, "connection");
    }
}
