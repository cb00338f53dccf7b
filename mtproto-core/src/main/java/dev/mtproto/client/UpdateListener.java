package dev.mtproto.client;

/**
 * Receives the {@code Updates} a client gets, raw: the MTProto layer decodes them and says where they came
 * from; putting them in order, finding gaps and fetching what was missed is the update engine's job, which
 * listens here.
 *
 * <p>Calls come one at a time, in the order the client received the updates, on the client's callback
 * threads (never an I/O loop). A listener that is slow holds back the others: while more than the
 * configured number of updates wait ({@link ClientConfigBuilder#updateQueueCapacity}), the client stops
 * reading from the connections that push them, so nothing is dropped and memory stays bounded. A listener
 * that throws is logged and the next update is delivered anyway.
 */
public interface UpdateListener {

    /**
     * Updates arrived.
     *
     * @param updates the updates and where they came from
     */
    void onUpdates(ReceivedUpdates updates);

    /**
     * A DC started a new session for us ({@code new_session_created}): updates sent meanwhile may have been
     * lost and should be fetched ({@code updates.getDifference}).
     *
     * @param connection the connection
     * @param sessionId the session
     */
    default void onNewSession(ConnectionId connection, long sessionId) {
    }
}
