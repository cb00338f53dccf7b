package dev.mtproto.testkit.world.bots;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.testkit.world.messages.MessageChanges;
import dev.mtproto.testkit.world.messages.MessageCopies;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.KeyboardButtonCallback;
import dev.mtproto.tl.api.KeyboardButtonRow;
import dev.mtproto.tl.api.KeyboardButtonRowType;
import dev.mtproto.tl.api.KeyboardButtonType;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.ReplyInlineMarkup;
import dev.mtproto.tl.api.UpdateBotCallbackQuery;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Presses of inline buttons ({@code keyboardButtonCallback}) on bots' messages and the bots' answers
 * (https://core.telegram.org/api/bots/buttons#callback-queries): a press gives the bot
 * {@code updateBotCallbackQuery}; the bot answers once with {@code messages.setBotCallbackAnswer}, and the
 * world keeps the answer for the test. Thread-safe.
 */
public final class CallbackQueries {
    private final Accounts accounts;
    private final MessageChanges changes;
    private final MessageCopies copies;
    private final BotUpdates updates;
    private final SecureRandom random;
    private final QueryBook<CallbackAnswer> book;
    private final Map<Object, Long> chatInstances = new HashMap<>();

    CallbackQueries(Accounts accounts, MessageChanges changes, MessageCopies copies, BotUpdates updates, SecureRandom random) {
        this.accounts = accounts;
        this.changes = changes;
        this.copies = copies;
        this.updates = updates;
        this.random = random;
        this.book = new QueryBook<>(random);
    }

    /**
     * Presses a callback button of a bot's message, as the user's app does: the bot gets
     * {@code updateBotCallbackQuery} with a new query id, the user, the chat as the bot names it, the
     * message's id in the bot's box (or the channel's), the chat's {@code chat_instance} and the button's data.
     *
     * @param user who presses
     * @param chat the chat the message is in
     * @param id the message's id as the user has it
     * @param button which button ({@code keyboardButtonCallback} only)
     * @param what the button, for errors ({@code data "yes"}, {@code text "Yes"})
     * @param date the world's time
     * @return the query id
     * @throws IllegalArgumentException if the user has no such message, a bot did not send it, or it has no
     *     such callback button
     */
    public long press(Account user, Destination chat, int id, Predicate<KeyboardButtonCallback> button, String what, int date) {
        MessageBox.Stored stored = changes.message(user, chat, id)
                .orElseThrow(() -> new IllegalArgumentException("message " + id + " of " + user + " does not exist (any more)"));
        Account bot = accounts.byId(stored.senderId()).filter(Account::bot)
                .orElseThrow(() -> new IllegalArgumentException("message " + id + " was not sent by a bot"));
        Message message = stored.message() instanceof Message m ? m : null;
        KeyboardButtonCallback pressed = message == null ? null : find(message, button);
        if (pressed == null) {
            throw new IllegalArgumentException("message " + id + " of @" + bot.username() + " has no inline callback button with " + what);
        }
        WorldChat group = chat instanceof Destination.ToChat c ? c.chat() : null;
        int botMessageId = group != null && group.isChannel() ? id
                : copies.idFor(user.id(), id, bot.id())
                        .orElseThrow(() -> new IllegalArgumentException("@" + bot.username() + " has no copy of message " + id));
        Peer peer = group == null ? new PeerUser(user.id()) : group.isChannel() ? new PeerChannel(group.id()) : new PeerChat(group.id());
        long queryId = book.open(bot.id());
        long instance;
        synchronized (this) {
            Object chatKey = group == null ? List.of(Math.min(user.id(), bot.id()), Math.max(user.id(), bot.id())) : peer;
            instance = chatInstances.computeIfAbsent(chatKey, k -> random.nextLong());
        }
        UpdateBotCallbackQuery update = UpdateBotCallbackQuery.builder().queryId(queryId).userId(user.id()).peer(peer).msgId(botMessageId)
                .chatInstance(instance).data(pressed.data()).build();
        updates.push(bot, update, user.id(), group == null ? 0 : group.id(), date);
        return queryId;
    }

    private static KeyboardButtonCallback find(Message message, Predicate<KeyboardButtonCallback> button) {
        if (!(message.replyMarkup() instanceof ReplyInlineMarkup markup)) {
            return null;
        }
        for (KeyboardButtonRowType row : markup.rows()) {
            for (KeyboardButtonType b : ((KeyboardButtonRow) row).buttons()) {
                if (b instanceof KeyboardButtonCallback cb && button.test(cb)) {
                    return cb;
                }
            }
        }
        return null;
    }

    /**
     * Takes a bot's answer to a press, as {@code messages.setBotCallbackAnswer} does.
     *
     * @param bot the caller
     * @param queryId the query
     * @param answer the answer
     * @param method the function, for errors
     * @throws dev.mtproto.rpc.RpcException {@code 400 USER_BOT_REQUIRED} if a person calls it;
     *     {@code 400 QUERY_ID_INVALID} if the bot got no such query or answered it already
     */
    public void answer(Account bot, long queryId, CallbackAnswer answer, String method) {
        book.answer(bot, queryId, answer, method);
    }

    /**
     * @param queryId a query a scripted user made
     * @return the bot's answer, what the user saw; empty while it has not answered
     */
    public Optional<CallbackAnswer> answerOf(long queryId) {
        return book.answerOf(queryId);
    }
}
