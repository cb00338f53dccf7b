package dev.mtproto.telegram;

import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.UpdateBotCallbackQuery;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.updates.IncomingUpdate;
import dev.mtproto.updates.UpdateClaim;
import dev.mtproto.updates.UpdateEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A multi-step dialog in one chat: send a question, wait for the answer. What a conversation waits for is
 * taken before the handlers see it (so an answer is not also handled as a new message), and waiting never
 * holds up other chats; a handler of the same chat may even block on {@code nextMessage(...).join()}.
 *
 * <pre>{@code
 * bot.onMessage(m -> {
 *     if (m.command().map(c -> c.name().equals("name")).orElse(false)) {
 *         Conversation c = bot.conversation(m.chat());
 *         // wait first, then ask: an answer that comes before the wait began would go to the handlers instead
 *         CompletableFuture<MessageView> answer = c.nextMessageFrom(m.senderId().getAsLong(), Duration.ofMinutes(1));
 *         m.reply("What is your name?").join();
 *         String name = answer.join().text();
 *         c.send("Hello, " + name);
 *     }
 * });
 * }</pre>
 */
public final class Conversation {
    private final TelegramClient client;
    private final ChatRef chat;
    private final UpdateEngine engine;
    private final Executor callbacks;

    Conversation(TelegramClient client, ChatRef chat, UpdateEngine engine, Executor callbacks) {
        this.client = client;
        this.chat = chat;
        this.engine = engine;
        this.callbacks = callbacks;
    }

    /** @return the chat */
    public ChatRef chat() {
        return chat;
    }

    /**
     * @param text sent to the chat
     * @return the message sent
     */
    public CompletableFuture<SentMessage> send(String text) {
        return client.message(chat).text(text).send();
    }

    /**
     * @param timeout how long to wait
     * @return the next incoming message in the chat; fails with {@link TimeoutException} after the timeout
     */
    public CompletableFuture<MessageView> nextMessage(Duration timeout) {
        return nextMessage(m -> true, timeout);
    }

    /**
     * @param userId the user whose message to wait for (others' are handled as usual)
     * @param timeout how long to wait
     * @return that user's next message in the chat; fails with {@link TimeoutException} after the timeout
     */
    public CompletableFuture<MessageView> nextMessageFrom(long userId, Duration timeout) {
        return nextMessage(m -> m.senderId().equals(OptionalLong.of(userId)), timeout);
    }

    private CompletableFuture<MessageView> nextMessage(Predicate<MessageView> which, Duration timeout) {
        return await(in -> {
            Message m = in.update() instanceof UpdateNewMessage n && n.message() instanceof Message x ? x
                    : in.update() instanceof UpdateNewChannelMessage n && n.message() instanceof Message x ? x : null;
            if (m == null || m.out()) {
                return null;
            }
            MessageView view = new MessageView(m, in, client);
            return view.chat().markedId() == chat.markedId() && which.test(view) ? view : null;
        }, timeout);
    }

    /**
     * @param timeout how long to wait
     * @return the next press of an inline button on a message of this chat; fails with {@link TimeoutException}
     */
    public CompletableFuture<CallbackQueryView> nextCallbackQuery(Duration timeout) {
        return await(in -> {
            if (in.update() instanceof UpdateBotCallbackQuery q) {
                CallbackQueryView view = new CallbackQueryView(q, in, client);
                return view.chat().markedId() == chat.markedId() ? view : null;
            }
            return null;
        }, timeout);
    }

    private interface Match<T> {
        T test(IncomingUpdate in);
    }

    private <T> CompletableFuture<T> await(Match<T> match, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<T> result = new CompletableFuture<>();
        UpdateClaim claim = new UpdateClaim() {
            @Override
            public boolean claim(IncomingUpdate in) {
                if (result.isDone()) {
                    return false;
                }
                T found = match.test(in);
                if (found == null) {
                    return false;
                }
                engine.removeClaim(this);
                callbacks.execute(() -> result.complete(found)); // never run the waiter's code under the engine's lock
                return true;
            }
        };
        engine.addClaim(claim);
        result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> engine.removeClaim(claim));
        return result;
    }
}
