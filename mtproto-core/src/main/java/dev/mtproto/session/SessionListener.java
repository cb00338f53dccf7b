package dev.mtproto.session;

import dev.mtproto.tl.api.UpdatesType;

/**
 * What a {@link ClientSession} reports while it processes incoming frames. Called on the thread that
 * feeds the session, with the session's lock held: implementations hand work to other threads and return
 * quickly, and must not call back into the session.
 */
public interface SessionListener {

    /**
     * A call got its result.
     *
     * @param call the call
     * @param result the decoded result, of the call's result type
     */
    void onResult(OutgoingCall<?> call, Object result);

    /**
     * A call failed: an {@code rpc_error} ({@link dev.mtproto.rpc.RpcException}), a result that could not be
     * decoded ({@link dev.mtproto.tl.TlDecodeException}), or a {@link ProtocolException}.
     *
     * @param call the call
     * @param error why
     */
    void onError(OutgoingCall<?> call, RuntimeException error);

    /**
     * The server pushed updates.
     *
     * @param updates the updates object, as sent
     */
    void onUpdates(UpdatesType updates);

    /**
     * The server created a new session for us ({@code new_session_created}) or we started one: updates may
     * have been lost and should be fetched.
     */
    default void onNewSession() {
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
