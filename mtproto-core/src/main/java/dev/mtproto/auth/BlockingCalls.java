package dev.mtproto.auth;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlMethod;
import java.util.concurrent.CompletionException;

/**
 * Calls made by the sign-in flows, which run on the client's blocking pool and so may wait for each
 * answer: the answer, or the failure unwrapped, with sign-in errors turned into {@link LoginException}.
 */
final class BlockingCalls {
    private final MtprotoClient client;

    BlockingCalls(MtprotoClient client) {
        this.client = client;
    }

    MtprotoClient client() {
        return client;
    }

    /**
     * @param method the call
     * @param step what it is for, for messages
     * @return its result
     * @throws LoginException for an RPC error that is a {@link LoginError}
     * @throws RuntimeException the call's other failures, as they are
     */
    <R> R call(TlMethod<R> method, String step) {
        try {
            return client.invoke(method).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RpcException rpc) {
                LoginException login = LoginException.of(rpc, step).orElse(null);
                if (login != null) {
                    throw login;
                }
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
