package dev.mtproto.spring.handler;

import dev.mtproto.telegram.TelegramUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every {@link UpdateHandler} endpoint of the application, and the {@link UpdateHandlerAdvice} exception
 * handlers; looks up an update's candidates by its class in one map read. Filled once, when the application's
 * singletons exist; read on the dispatch threads.
 */
public final class UpdateHandlerRegistry {
    private final List<UpdateHandlerEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private final List<ExceptionHandlerMethods> advice = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, List<UpdateHandlerEndpoint>> byUpdateClass = new ConcurrentHashMap<>();

    void register(UpdateHandlerEndpoint endpoint) {
        for (UpdateHandlerEndpoint e : endpoints) {
            if (e.id().equals(endpoint.id())) {
                throw new IllegalStateException("two @UpdateHandler methods have the id '" + endpoint.id() + "' (" + e.method().toGenericString()
                        + " and " + endpoint.method().toGenericString() + "): give one of them another id()");
            }
        }
        endpoints.add(endpoint);
        byUpdateClass.clear();
    }

    void registerAdvice(ExceptionHandlerMethods handlers) {
        advice.add(handlers);
    }

    /** @return every endpoint, in registration order */
    public List<UpdateHandlerEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    List<ExceptionHandlerMethods> advice() {
        return advice;
    }

    /**
     * @param updateClass an update's class
     * @return the endpoints whose kind it is, in registration order
     */
    List<UpdateHandlerEndpoint> candidates(Class<? extends TelegramUpdate> updateClass) {
        return byUpdateClass.computeIfAbsent(updateClass, c -> {
            List<UpdateHandlerEndpoint> found = new ArrayList<>();
            for (UpdateHandlerEndpoint e : endpoints) {
                if (e.updateKind().isAssignableFrom(c)) {
                    found.add(e);
                }
            }
            return List.copyOf(found);
        });
    }
}
