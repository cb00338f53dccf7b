package dev.mtproto.testkit.world.calls;

import dev.mtproto.tl.TlMethod;

/**
 * How the world answers one function.
 *
 * @param <M> the function class
 */
@FunctionalInterface
public interface WorldHandler<M extends TlMethod<?>> {
    /**
     * @param method the call
     * @param caller who made it, as the world's checks found
     * @return the result: a TL object, a {@link Boolean} for {@code Bool}, or a {@link java.util.List} for vectors
     * @throws dev.mtproto.rpc.RpcException to answer with an {@code rpc_error}
     */
    Object handle(M method, Caller caller);
}
