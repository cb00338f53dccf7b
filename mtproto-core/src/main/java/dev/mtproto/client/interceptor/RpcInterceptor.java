package dev.mtproto.client.interceptor;

import java.util.concurrent.CompletableFuture;

/**
 * Sees every call a client makes, in order, like OkHttp's interceptors: each interceptor receives the
 * rest of the chain and may proceed (with the request as it is, or sent to another DC, or with another
 * timeout), proceed again to retry when the first outcome says so, or answer without proceeding. Flood
 * waits, DC migrations, rate limits, metrics and logging are each one interceptor.
 *
 * <pre>{@code
 * RpcInterceptor logging = new RpcInterceptor() {
 *     public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
 *         long start = System.nanoTime();
 *         return chain.proceed(chain.request()).whenComplete((r, e) ->
 *                 log.info("{} took {} µs", chain.request().methodName(), (System.nanoTime() - start) / 1000));
 *     }
 * };
 * }</pre>
 *
 * <p>Interceptors run on the caller's thread (the first attempt) and on the client's callback threads
 * (what follows a completion), never on an I/O loop. They must not block: wait with
 * {@link RpcChain#delay}. An interceptor that throws fails the call with what it threw.
 */
public interface RpcInterceptor {

    /**
     * Handles one call.
     *
     * @param chain the request and the rest of the chain
     * @param <R> the result type
     * @return the call's outcome
     */
    <R> CompletableFuture<R> intercept(RpcChain<R> chain);
}
