package dev.mtproto.spring.handler;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.telegram.TelegramUpdate;
import org.jspecify.annotations.Nullable;

/**
 * Told of every handler invocation, for metrics and tracing: a bean of this type is picked up by the
 * dispatcher. {@link #started} runs on the dispatch thread just before the method; the returned
 * {@link Invocation} is ended once the method (and the {@code CompletionStage} it returned, and its reply)
 * completed. Must be quick and must not throw.
 */
public interface HandlerInvocationListener {
    /**
     * @param endpoint the handler
     * @param update the update it is given
     * @param account the account that received it
     * @return what is told when it ends
     */
    Invocation started(UpdateHandlerEndpoint endpoint, TelegramUpdate update, TelegramAccount account);

    /** One invocation under way. */
    @FunctionalInterface
    interface Invocation {
        /** @param error what it failed with, or null if it succeeded (a handled exception counts as a failure here) */
        void ended(@Nullable Throwable error);
    }
}
