package dev.mtproto.telegram;

import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateBotCallbackQuery;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.messages.SetBotCallbackAnswer;
import dev.mtproto.updates.IncomingUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A press of an inline keyboard button of the bot's message ({@code updateBotCallbackQuery}). Telegram's app
 * shows a progress indicator until the bot answers ({@link #answer}), so answer every query, even with
 * nothing (https://core.telegram.org/api/bots/buttons#callback-queries).
 */
public final class CallbackQueryView {
    private final UpdateBotCallbackQuery query;
    private final IncomingUpdate update;
    private final TelegramClient client;

    CallbackQueryView(UpdateBotCallbackQuery query, IncomingUpdate update, TelegramClient client) {
        this.query = query;
        this.update = update;
        this.client = client;
    }

    /** @return the update it came in, with its users and chats */
    public IncomingUpdate update() {
        return update;
    }

    /** @return the raw update */
    public UpdateBotCallbackQuery raw() {
        return query;
    }

    /** @return the query's id */
    public long queryId() {
        return query.queryId();
    }

    /** @return the user who pressed */
    public long userId() {
        return query.userId();
    }

    /** @return that user, as the update carried it */
    public Optional<User> user() {
        return update.user(query.userId());
    }

    /** @return the chat of the message with the button */
    public ChatRef chat() {
        if (query.peer() instanceof PeerUser u) {
            return new ChatRef(ChatKind.PRIVATE, u.userId(), Optional.empty());
        } else if (query.peer() instanceof PeerChat c) {
            return new ChatRef(ChatKind.GROUP, c.chatId(), Optional.empty());
        }
        long id = ((PeerChannel) query.peer()).channelId();
        boolean broadcast = update.channel(id).map(dev.mtproto.tl.api.Channel::broadcast).orElse(false);
        return new ChatRef(broadcast ? ChatKind.CHANNEL : ChatKind.SUPERGROUP, id, Optional.empty());
    }

    /** @return the id of the message with the button */
    public int messageId() {
        return query.msgId();
    }

    /** @return the button's data (empty for a game button) */
    public byte[] data() {
        return query.data() == null ? new byte[0] : query.data().clone();
    }

    /** @return the button's data as UTF-8 text */
    public String dataString() {
        return new String(data(), StandardCharsets.UTF_8);
    }

    /**
     * Answers the query.
     *
     * @param text shown to the user (at most 200 characters), or null for nothing
     * @param alert as a dialog the user must dismiss instead of a passing notice
     * @return completes when Telegram took the answer; fails with {@code QUERY_ID_INVALID} if it is too late
     */
    public CompletableFuture<Void> answer(String text, boolean alert) {
        if (text != null && text.length() > 200) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a callback answer is at most 200 characters, got " + text.length()));
        }
        return client.raw().invoke(new SetBotCallbackAnswer(alert, query.queryId(), text, null, 0)).thenApply(ok -> null);
    }

    /** @return completes when the query is answered with nothing to show */
    public CompletableFuture<Void> answer() {
        return answer(null, false);
    }

    @Override
    public String toString() {
        return "CallbackQueryView{query=" + queryId() + ", user=" + userId() + ", message=" + messageId() + "}";
    }
}
