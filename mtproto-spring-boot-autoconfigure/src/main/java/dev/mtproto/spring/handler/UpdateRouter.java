package dev.mtproto.spring.handler;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.event.MtprotoUpdateEvent;
import dev.mtproto.telegram.TelegramUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * Hands each update of an account to the {@link UpdateHandler} methods that match it, on the thread the
 * update engine delivers it on (so one chat's updates stay in order), then publishes it as an
 * {@link MtprotoUpdateEvent}. A handler's exception goes to its class's {@link UpdateExceptionHandler}, then to
 * the advice beans', else it is logged and counted; the next handler and the next update go on regardless.
 */
public final class UpdateRouter {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateRouter.class);

    private final UpdateHandlerRegistry registry;
    private final @Nullable ApplicationEventPublisher events;
    private final List<HandlerInvocationListener> listeners;
    private final AtomicLong unhandledFailures = new AtomicLong();

    /**
     * @param registry the handlers
     * @param events where update events go, or null to publish none
     * @param listeners told of every invocation
     */
    public UpdateRouter(UpdateHandlerRegistry registry, @Nullable ApplicationEventPublisher events, List<HandlerInvocationListener> listeners) {
        this.registry = registry;
        this.events = events;
        this.listeners = List.copyOf(listeners);
    }

    /** @return the handlers */
    public UpdateHandlerRegistry registry() {
        return registry;
    }

    /** @return how many handler exceptions no exception handler took, in all */
    public long unhandledFailures() {
        return unhandledFailures.get();
    }

    /**
     * Routes one update; returns when every matching handler has returned (not when their replies are sent).
     *
     * @param account the account that received it
     * @param update the update
     */
    public void route(TelegramAccount account, TelegramUpdate update) {
        account.updateDispatched();
        for (UpdateHandlerEndpoint endpoint : registry.candidates(update.getClass())) {
            Map<String, String> variables;
            try {
                variables = endpoint.match(update, account);
            } catch (RuntimeException e) {
                LOG.error("a filter of @UpdateHandler '{}' failed on a {}; the handler is skipped for it", endpoint.id(), kind(update), e);
                endpoint.failed();
                unhandledFailures.incrementAndGet();
                continue;
            }
            if (variables != null) {
                invoke(endpoint, message(account, update, variables), update, account);
            }
        }
        if (events != null) {
            try {
                events.publishEvent(new MtprotoUpdateEvent<>(account, update));
            } catch (RuntimeException e) {
                LOG.error("an @EventListener for a {} update failed", kind(update), e);
            }
        }
    }

    private static Message<TelegramUpdate> message(TelegramAccount account, TelegramUpdate update, Map<String, String> variables) {
        Map<String, Object> headers = new HashMap<>(8);
        headers.put(UpdateHeaders.ACCOUNT, account);
        headers.put(UpdateHeaders.ACCOUNT_NAME, account.name());
        headers.put(UpdateHeaders.VARIABLES, variables);
        UpdateMatcher.chat(update).ifPresent(c -> headers.put(UpdateHeaders.CHAT_ID, c.markedId()));
        return new GenericMessage<>(update, new MessageHeaders(headers));
    }

    private void invoke(UpdateHandlerEndpoint endpoint, Message<TelegramUpdate> message, TelegramUpdate update, TelegramAccount account) {
        endpoint.invoked();
        HandlerInvocationListener.Invocation[] running = started(endpoint, update, account);
        CompletableFuture<?> done;
        try {
            done = Replies.act(endpoint.invocable().invoke(message), update);
        } catch (Exception e) {
            done = CompletableFuture.failedFuture(e);
        }
        if (done.isDone() && !done.isCompletedExceptionally()) {
            ended(running, null);
            return;
        }
        done.whenComplete((x, error) -> {
            if (error == null) {
                ended(running, null);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            ended(running, cause);
            handleFailure(endpoint, message, update, cause);
        });
    }

    private void handleFailure(UpdateHandlerEndpoint endpoint, Message<TelegramUpdate> message, TelegramUpdate update, Throwable error) {
        Optional<InvocableHandlerMethod> handler = endpoint.localExceptionHandlers().find(error);
        for (int i = 0; handler.isEmpty() && i < registry.advice().size(); i++) {
            handler = registry.advice().get(i).find(error);
        }
        if (handler.isEmpty()) {
            endpoint.failed();
            unhandledFailures.incrementAndGet();
            LOG.error("@UpdateHandler '{}' failed on a {} update; dispatch goes on", endpoint.id(), kind(update), error);
            return;
        }
        InvocableHandlerMethod h = handler.get();
        try {
            Replies.act(h.invoke(message, error), update).whenComplete((x, e) -> {
                if (e != null) {
                    LOG.error("the reply of @UpdateExceptionHandler {} failed", h.getMethod().getName(), e);
                }
            });
        } catch (Exception e) {
            endpoint.failed();
            unhandledFailures.incrementAndGet();
            LOG.error("@UpdateExceptionHandler {} failed while handling {} of @UpdateHandler '{}'", h.getMethod().getName(), error, endpoint.id(), e);
        }
    }

    private HandlerInvocationListener.Invocation[] started(UpdateHandlerEndpoint endpoint, TelegramUpdate update, TelegramAccount account) {
        HandlerInvocationListener.Invocation[] running = new HandlerInvocationListener.Invocation[listeners.size()];
        for (int i = 0; i < running.length; i++) {
            running[i] = listeners.get(i).started(endpoint, update, account);
        }
        return running;
    }

    private static void ended(HandlerInvocationListener.Invocation[] running, @Nullable Throwable error) {
        for (HandlerInvocationListener.Invocation r : running) {
            r.ended(error);
        }
    }

    private static String kind(TelegramUpdate update) {
        return update.getClass().getSimpleName();
    }
}
