package dev.mtproto.testkit;

import dev.mtproto.tl.TlMethod;

/**
 * Answers one kind of call on the test DC.
 *
 * @param <M> the function class
 */
@FunctionalInterface
public interface CallHandler<M extends TlMethod<?>> {
    /**
     * @param method the call
     * @param call where it came from
     * @return the result: a TL object, a {@link Boolean} for {@code Bool}, or a {@link java.util.List} for vectors
     * @throws dev.mtproto.rpc.RpcException to answer with an {@code rpc_error}
     */
    Object handle(M method, TestCall call);
}
