package dev.mtproto.testkit;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlMethod;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test DC's answers, per function class: tests script any answer with {@link #on}. Calls without a
 * handler get {@code rpc_error 400 METHOD_NOT_SCRIPTED_IN_TESTKIT} naming the function, so a missing script
 * is obvious. Thread-safe; handlers may be replaced while the DC runs.
 */
public final class RpcHandlers {
    private final Map<Class<?>, CallHandler<?>> handlers = new ConcurrentHashMap<>();

    /**
     * Sets the handler of one function, replacing any earlier one.
     *
     * @param type the function class, such as {@code GetNearestDc.class}
     * @param handler its handler
     * @param <M> the function class
     * @return this
     */
    public <M extends TlMethod<?>> RpcHandlers on(Class<M> type, CallHandler<? super M> handler) {
        handlers.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Removes every handler (the cluster then installs its defaults again). */
    void clear() {
        handlers.clear();
    }

    /**
     * @param type a function class
     * @return whether a handler is set for it
     */
    public boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object handle(TestCall call) {
        CallHandler handler = handlers.get(call.method().getClass());
        if (handler == null) {
            throw RpcException.of(400, "METHOD_NOT_SCRIPTED_IN_TESTKIT_" + call.method().tlName().replace('.', '_').toUpperCase(java.util.Locale.ROOT), call.method().tlName());
        }
        return handler.handle(call.method(), call);
    }
}
