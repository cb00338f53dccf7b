package dev.mtproto.client.interceptor;

import java.util.concurrent.CompletableFuture;

/**
 * The rest of the interceptor chain, as one {@link RpcInterceptor} sees it.
 *
 * @param <R> the result type
 */
public interface RpcChain<R> {

    /** @return the request as it reached this interceptor */
    RpcRequest<R> request();

    /**
     * Hands a request to the next interceptor (or, after the last, to the connection). May be called again
     * after the returned future completed, to retry (use {@link RpcRequest#nextAttempt()}).
     *
     * @param request the request to send: {@link #request()} or a copy changed by this interceptor
     * @return the outcome of that attempt
     */
    CompletableFuture<R> proceed(RpcRequest<R> request);

    /**
     * Runs something later on the client's timer, without holding a thread meanwhile (for waiting before a
     * retry, as a flood-wait interceptor does). The returned future is cancelled if the call is.
     *
     * @param delay how long to wait
     * @return a future that completes after the delay
     */
    CompletableFuture<Void> delay(java.time.Duration delay);
}
