package dev.mtproto.client;

import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.TlMethod;
import java.util.Objects;

/**
 * One {@code Updates} object the client received, with where it came from: pushed by a DC, or returned as
 * the result of one of our own calls (sending a message returns the updates it caused).
 *
 * @param connection the connection it arrived on
 * @param sessionId the MTProto session it arrived in
 * @param updates the updates, decoded
 * @param source pushed, or a call's result
 * @param call for a call's result, the function that returned it (an {@code updateShortSentMessage} only makes
 *     sense with the request it answers); null for pushed updates
 */
public record ReceivedUpdates(ConnectionId connection, long sessionId, UpdatesType updates, Source source, TlMethod<?> call) {

    /** Where an {@code Updates} object came from. */
    public enum Source {
        /** The DC pushed it. */
        PUSHED,
        /** It is the result of one of our calls; the call's future completes with the same object. */
        CALL_RESULT
    }

    /** @throws NullPointerException if an argument is null */
    public ReceivedUpdates {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Updates that no call returned.
     *
     * @param connection the connection it arrived on
     * @param sessionId the MTProto session it arrived in
     * @param updates the updates, decoded
     * @param source where they came from
     */
    public ReceivedUpdates(ConnectionId connection, long sessionId, UpdatesType updates, Source source) {
        this(connection, sessionId, updates, source, null);
    }
}
