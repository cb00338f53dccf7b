package dev.mtproto.session;

/**
 * What a {@link ClientSession} reports. Called on the thread that drives the session, with the owner's
 * lock held: implementations must be cheap and hand real work (decoding answers and updates, completing
 * futures, user code) to other threads. A callback may call {@link ClientSession#submit} on the same
 * thread (the session reports only after it has finished changing its own state); it must not call
 * {@link ClientSession#onFrame} or {@link ClientSession#nextPacket}.
 */
public interface SessionListener {

    /**
     * A call got its answer. Nothing is decoded yet: call {@link RpcAnswer#decode()} off the connection's
     * thread; it returns the result or throws the {@code rpc_error} as {@link dev.mtproto.rpc.RpcException}.
     *
     * @param call the call
     * @param answer its answer, to decode
     */
    void onAnswer(OutgoingCall<?> call, RpcAnswer answer);

    /**
     * A call failed without an answer to decode: an {@code rpc_error} the session read itself (a small
     * {@code rpc_error} is read under the lock so that {@code CONNECTION_NOT_INITED} can be retried), or a
     * {@link RequestTimeoutException}, {@link MessageRejectedException}, {@link SessionClosedException} or
     * {@link OutcomeUnknownException}.
     *
     * @param call the call
     * @param error why
     */
    void onError(OutgoingCall<?> call, RuntimeException error);

    /**
     * The server pushed something the session does not handle itself, normally one boxed {@code Updates}
     * object. Nothing is decoded: read it with {@code UpdatesType.read(new TlReader(boxedUpdates))} off the
     * connection's thread, and count what is not an {@code Updates} as dropped.
     *
     * @param boxedUpdates a copy of the TL bytes of the object, gunzipped if it came {@code gzip_packed}
     */
    void onUpdates(byte[] boxedUpdates);

    /**
     * The server said it created a new session for us ({@code new_session_created}): updates may have been
     * lost and should be fetched ({@code updates.getDifference}).
     *
     * @param firstMsgId the first of our msg_ids the new session knows
     * @param uniqueId the server's id of the new session (changes with every new session)
     */
    default void onNewSessionCreated(long firstMsgId, long uniqueId) {
    }

    /**
     * We started a new session on the same key (new session id, seqnos from zero): updates may be lost and
     * should be fetched.
     *
     * @param reason why
     */
    default void onSessionReset(SessionResetReason reason) {
    }

    /**
     * A frame or message was dropped.
     *
     * @param reason why
     * @param detail a short description, without secrets
     */
    default void onDropped(DropReason reason, String detail) {
    }

    /**
     * The server confirmed it received the messages of a packet sent with a quick-ack request.
     *
     * @param msgIds the ids in that packet
     */
    default void onQuickAck(long[] msgIds) {
    }
}
