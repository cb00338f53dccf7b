package dev.mtproto.client;

import dev.mtproto.client.interceptor.RpcChain;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.tl.TlObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Hands every answer to the client's peer cache before the caller (or a configured interceptor) sees it. */
final class PeerAbsorber implements RpcInterceptor {
    private final MtprotoClient client;

    PeerAbsorber(MtprotoClient client) {
        this.client = client;
    }

    @Override
    public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
        return chain.proceed(chain.request()).thenApply(result -> {
            if (result instanceof TlObject o) {
                client.peers().absorb(o);
            } else if (result instanceof List<?> list) {
                for (Object e : list) {
                    if (e instanceof TlObject o) {
                        client.peers().absorb(o);
                    }
                }
            }
            return result;
        });
    }
}
