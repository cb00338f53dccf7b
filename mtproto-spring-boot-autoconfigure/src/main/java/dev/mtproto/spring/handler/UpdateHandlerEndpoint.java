package dev.mtproto.spring.handler;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.telegram.TelegramUpdate;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * One {@link UpdateHandler} method as the dispatcher runs it: which updates it gets, its filters, how it is
 * invoked, and how often it ran and failed.
 */
public final class UpdateHandlerEndpoint {
    private final String id;
    private final Class<? extends TelegramUpdate> kind;
    private final UpdateMatcher matcher;
    private final InvocableHandlerMethod method;
    private final ExceptionHandlerMethods localExceptionHandlers;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    UpdateHandlerEndpoint(String id, Class<? extends TelegramUpdate> kind, UpdateMatcher matcher, InvocableHandlerMethod method,
            ExceptionHandlerMethods localExceptionHandlers) {
        this.id = id;
        this.kind = kind;
        this.matcher = matcher;
        this.method = method;
        this.localExceptionHandlers = localExceptionHandlers;
    }

    /** @return its id ({@link UpdateHandler#id()}, or {@code <class>.<method>}) */
    public String id() {
        return id;
    }

    /** @return the kind of update it gets */
    public Class<? extends TelegramUpdate> updateKind() {
        return kind;
    }

    /** @return the account it is bound to, or empty for every account */
    public String client() {
        return matcher.client();
    }

    /** @return the Java method */
    public Method method() {
        return method.getMethod();
    }

    /** @return how many updates it was given */
    public long invocations() {
        return invocations.get();
    }

    /** @return how many of them ended with an exception no {@link UpdateExceptionHandler} handled */
    public long failures() {
        return failures.get();
    }

    @Nullable Map<String, String> match(TelegramUpdate update, TelegramAccount account) {
        return kind.isInstance(update) ? matcher.match(update, account) : null;
    }

    InvocableHandlerMethod invocable() {
        return method;
    }

    ExceptionHandlerMethods localExceptionHandlers() {
        return localExceptionHandlers;
    }

    void invoked() {
        invocations.incrementAndGet();
    }

    void failed() {
        failures.incrementAndGet();
    }

    @Override
    public String toString() {
        return "UpdateHandlerEndpoint[" + id + " gets " + kind.getSimpleName() + "]";
    }
}
