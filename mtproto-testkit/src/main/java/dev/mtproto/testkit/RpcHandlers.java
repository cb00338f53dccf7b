package dev.mtproto.testkit;

import dev.mtproto.testkit.world.World;
import dev.mtproto.tl.TlMethod;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test DC's scripted answers, per function class: tests script any answer with {@link #on}, which
 * takes the place of the cluster's {@link World} for that function. Calls without a script go to the
 * world, which answers what Telegram's accounts and sign-in need; the rest get
 * {@code rpc_error 400 METHOD_NOT_SCRIPTED_IN_TESTKIT_<NAME>}, so a missing script is obvious. Thread-safe;
 * handlers may be replaced while the DC runs.
 */
public final class RpcHandlers {
    private final Map<Class<?>, CallHandler<?>> handlers = new ConcurrentHashMap<>();
    private final World world;

    RpcHandlers(World world) {
        this.world = world;
    }

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
     * @return whether a test's handler (or a built-in one) is set for it
     */
    public boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    /** Answers a call: with its script, else through the world. */
    Object handle(TestCall call) {
        return world.answer(call, handlers.get(call.method().getClass()));
    }
}
