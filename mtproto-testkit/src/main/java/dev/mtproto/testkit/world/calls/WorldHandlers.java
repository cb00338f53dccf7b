package dev.mtproto.testkit.world.calls;

import dev.mtproto.tl.TlMethod;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The functions the world answers, each with its handler. Thread-safe. */
public final class WorldHandlers {
    private final Map<Class<?>, WorldHandler<?>> handlers = new ConcurrentHashMap<>();

    /**
     * @param type a function class
     * @param handler how the world answers it
     * @param <M> the function class
     * @return this
     */
    public <M extends TlMethod<?>> WorldHandlers on(Class<M> type, WorldHandler<? super M> handler) {
        handlers.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /**
     * @param type a function class
     * @return whether the world answers it
     */
    public boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    /**
     * @param caller a call, checked
     * @return the world's answer
     * @throws dev.mtproto.rpc.RpcException the error the world answers with, or
     *     {@code METHOD_NOT_SCRIPTED_IN_TESTKIT_<NAME>} if it does not answer the function
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object handle(Caller caller) {
        WorldHandler handler = handlers.get(caller.call().method().getClass());
        if (handler == null) {
            throw WorldErrors.notScripted(caller.call());
        }
        return handler.handle(caller.call().method(), caller);
    }
}
