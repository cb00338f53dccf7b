package dev.mtproto.spring.handler;

import dev.mtproto.telegram.OutgoingMessage;
import dev.mtproto.telegram.TelegramUpdate;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** What a handler's return value does: nothing, a message to the update's chat, a callback answer, a send. */
final class Replies {
    private Replies() {
    }

    /**
     * @param method a handler method
     * @throws IllegalStateException if it returns something the dispatcher cannot act on
     */
    static void check(Method method) {
        Class<?> r = method.getReturnType();
        if (r == void.class || r == Void.class || r == String.class || r == OutgoingMessage.class || CompletionStage.class.isAssignableFrom(r)
                || r == Object.class) {
            return;
        }
        throw new IllegalStateException("@UpdateHandler method " + method.toGenericString() + " returns " + r.getName()
                + ": return nothing, a String (sent to the chat; for a callback query, the answer), an OutgoingMessage (sent) or a CompletionStage of one");
    }

    /**
     * @param result what the method returned
     * @param update the update it handled
     * @return completes when the reply is sent (or at once when there is none); fails if sending fails
     */
    static CompletableFuture<?> act(@Nullable Object result, TelegramUpdate update) {
        if (result == null) {
            return CompletableFuture.completedFuture(null);
        } else if (result instanceof CompletionStage<?> stage) {
            return stage.toCompletableFuture().thenCompose(value -> act(value, update));
        } else if (result instanceof OutgoingMessage m) {
            return m.send();
        } else if (result instanceof String text) {
            return text(text, update);
        }
        return CompletableFuture.failedFuture(new IllegalStateException("an @UpdateHandler method returned a " + result.getClass().getName()
                + ", which the dispatcher cannot send: return a String or an OutgoingMessage"));
    }

    private static CompletableFuture<?> text(String text, TelegramUpdate update) {
        if (update instanceof TelegramUpdate.CallbackQuery c) {
            return c.query().answer(text, false);
        }
        return UpdateKinds.message(update).<CompletableFuture<?>>map(m -> m.respond(text)).orElseGet(() -> CompletableFuture.failedFuture(
                new IllegalStateException("a String was returned for a " + update.getClass().getSimpleName()
                        + " update, which has no chat to send it to: return nothing, and call the client instead")));
    }
}
