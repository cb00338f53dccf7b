package dev.mtproto.session;

/**
 * A call's failure without an answer from the server, saying whether the server may have executed it.
 * Every failure the client makes up itself implements it: {@link RequestTimeoutException},
 * {@link OutcomeUnknownException}, {@link SessionClosedException}, {@link MessageRejectedException},
 * {@link RequestTooLargeException} and {@code dev.mtproto.client.ClientClosedException}. (An
 * {@code RpcException} is the server's own answer and says what happened in its error name.)
 *
 * <p>{@code mayHaveRun() == false} is a promise: the server did not and will not execute the call, so making
 * it again is safe. {@code true} means the client cannot tell: the call left the client and its answer did not
 * come back; making it again may run it twice, so check its effect first where that matters (or use the
 * method's own idempotency, such as a {@code random_id}).
 */
public interface UnansweredCall {
    /** @return whether the server may have executed the call; {@code false} only when it certainly did not */
    boolean mayHaveRun();
}
