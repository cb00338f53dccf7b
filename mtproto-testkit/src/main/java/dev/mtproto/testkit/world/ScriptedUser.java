package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.bots.BotQueries;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.testkit.world.messages.MemberChanges;
import dev.mtproto.testkit.world.messages.MessageChanges;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.SendMessageTypingAction;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.messages.AffectedMessages;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a scripted user does to messages, as from the official app on another device:
 * {@code world.as(alice).edit(entry, "new text")}. Messages are named by the {@link HistoryEntry} the user
 * received ({@code world.history(alice)}), or by chat and the user's own message id. Every key of the user
 * gets its updates too. Thread-safe.
 */
public final class ScriptedUser {
    private final World world;
    private final Account user;
    private final MessageChanges changes;
    private final BotQueries bots;
    private final MemberChanges members;
    private final Clock clock;

    ScriptedUser(World world, Account user, MessageChanges changes, BotQueries bots, MemberChanges members, Clock clock) {
        this.world = world;
        this.user = Objects.requireNonNull(user, "user");
        this.changes = changes;
        this.bots = bots;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Edits the user's message, as {@code messages.editMessage} does (the keyboard goes, as an edit without one does).
     *
     * @param message the message, as the user has it
     * @param text the new text
     * @return what the user's app got
     * @throws dev.mtproto.rpc.RpcException {@code MESSAGE_AUTHOR_REQUIRED}, {@code MESSAGE_NOT_MODIFIED}, ...
     */
    public UpdatesType edit(HistoryEntry message, String text) {
        return changes.edit(user, chatOf(message), message.id(), text, null, null, 0, now());
    }

    /**
     * Deletes messages of a private chat or basic group, as {@code messages.deleteMessages} does.
     *
     * @param revoke for everyone
     * @param messages the messages, as the user has them
     * @return the user's pts and pts_count
     */
    public AffectedMessages delete(boolean revoke, HistoryEntry... messages) {
        return changes.delete(user, List.of(messages).stream().map(HistoryEntry::id).toList(), revoke, 0, now());
    }

    /**
     * Pins a message for everyone, as {@code messages.updatePinnedMessage} does.
     *
     * @param message the message
     * @return what the user's app got
     */
    public UpdatesType pin(HistoryEntry message) {
        return changes.pin(user, chatOf(message), message.id(), false, false, 0, now());
    }

    /**
     * Puts a reaction on a message, as {@code messages.sendReaction} does: the other members get
     * {@code updateMessageReactions}, bots that see it {@code updateBotMessageReaction}.
     *
     * @param message the message, as the user has it
     * @param emoji the emoji, empty to take the user's reaction away
     * @return what the user's app got
     */
    public UpdatesType react(HistoryEntry message, String emoji) {
        List<dev.mtproto.tl.api.Reaction> reaction = emoji.isEmpty() ? List.of() : List.of(new dev.mtproto.tl.api.ReactionEmoji(emoji));
        return changes.react(user, chatOf(message), message.id(), reaction, 0, now());
    }

    /**
     * Reads the message's chat up to it, as {@code messages.readHistory} or {@code channels.readHistory} do: the
     * senders of what was read get {@code updateReadHistoryOutbox} / {@code updateReadChannelOutbox}.
     *
     * @param upTo the last message read, as the user has it
     */
    public void read(HistoryEntry upTo) {
        changes.read(user, chatOf(upTo), upTo.id(), 0, now());
    }

    /**
     * Forwards a message, as {@code messages.forwardMessages} does.
     *
     * @param message the message, as the user has it
     * @param to a user
     * @return what the user's app got
     */
    public UpdatesType forward(HistoryEntry message, Account to) {
        return changes.forward(user, chatOf(message), List.of(message.id()), List.of(ThreadLocalRandom.current().nextLong()),
                new Destination.ToUser(to), false, false, 0, now());
    }

    /**
     * Shows the user typing, as {@code messages.setTyping} with {@code sendMessageTypingAction} does.
     *
     * @param to a user
     */
    public void typing(Account to) {
        changes.typing(user, new Destination.ToUser(to), SendMessageTypingAction.INSTANCE, now());
    }

    /**
     * @param chat a chat
     */
    public void typing(WorldChat chat) {
        changes.typing(user, new Destination.ToChat(chat), SendMessageTypingAction.INSTANCE, now());
    }

    /**
     * Presses an inline callback button of a bot's message, as the user's app does
     * (https://core.telegram.org/api/bots/buttons#callback-queries): the bot gets {@code updateBotCallbackQuery}
     * in {@code updates} with the user, seq 0. Its answer is {@code world.botQueries().callbackAnswer(queryId)}.
     *
     * @param message the message, as the user has it
     * @param data the data of a {@code keyboardButtonCallback} of its inline keyboard, as UTF-8
     * @return the query id the bot got
     * @throws IllegalArgumentException if the message is gone, not a bot's, or has no callback button with that data
     */
    public long press(HistoryEntry message, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return bots.callbacks().press(user, chatOf(message), message.id(), b -> Arrays.equals(b.data(), bytes), "data \"" + data + "\"",
                now());
    }

    /**
     * Presses the inline callback button with that text, as {@link #press(HistoryEntry, String)} does.
     *
     * @param message the message, as the user has it
     * @param text the button's text
     * @return the query id the bot got
     * @throws IllegalArgumentException if the message is gone, not a bot's, or has no callback button with that text
     */
    public long pressButton(HistoryEntry message, String text) {
        return bots.callbacks().press(user, chatOf(message), message.id(), b -> b.text().equals(text), "text \"" + text + "\"", now());
    }

    /**
     * Types {@code @bot query} in the private chat with the bot (https://core.telegram.org/api/bots/inline): the
     * bot gets {@code updateBotInlineQuery} with {@code inlineQueryPeerTypeSameBotPM}, in {@code updates} with the
     * user, seq 0. Its results are {@code world.botQueries().inlineResults(queryId)}.
     *
     * @param bot the bot
     * @param query the text after the username
     * @param offset the page asked for: empty for the first, else a {@code next_offset} the bot gave
     * @return the query id the bot got
     * @throws IllegalArgumentException if {@code bot} is not a bot
     */
    public long inlineQuery(Account bot, String query, String offset) {
        return inlineQuery(bot, query, offset, bot);
    }

    /**
     * Types {@code @bot query} in the private chat with someone: {@code peer_type} is
     * {@code inlineQueryPeerTypePM}, {@code inlineQueryPeerTypeBotPM} (another bot) or
     * {@code inlineQueryPeerTypeSameBotPM} (the bot itself).
     *
     * @param bot the bot
     * @param query the text after the username
     * @param offset the page asked for
     * @param chatWith whose private chat it is typed in
     * @return the query id the bot got
     * @throws IllegalArgumentException if {@code bot} is not a bot
     */
    public long inlineQuery(Account bot, String query, String offset, Account chatWith) {
        return bots.inline().ask(user, bot, query, offset, new Destination.ToUser(chatWith), now());
    }

    /**
     * Types {@code @bot query} in a group: {@code peer_type} is {@code inlineQueryPeerTypeChat},
     * {@code inlineQueryPeerTypeMegagroup} or {@code inlineQueryPeerTypeBroadcast}.
     *
     * @param bot the bot
     * @param query the text after the username
     * @param offset the page asked for
     * @param in the chat it is typed in
     * @return the query id the bot got
     * @throws IllegalArgumentException if {@code bot} is not a bot
     */
    public long inlineQuery(Account bot, String query, String offset, WorldChat in) {
        return bots.inline().ask(user, bot, query, offset, new Destination.ToChat(in), now());
    }

    /**
     * Taps one of the bot's results of the user's inline query, as the user's app does: the result's message is
     * sent (with {@code via_bot_id}) into the chat the query was typed in, and the bot gets
     * {@code updateBotInlineSend}.
     *
     * @param queryId the query ({@link #inlineQuery(Account, String, String)}), answered by the bot
     * @param resultId the id of one of the bot's results
     * @return what the user's app got for the message
     * @throws IllegalArgumentException if there is no such query or result, or its message is not text
     */
    public UpdatesType chooseInlineResult(long queryId, String resultId) {
        var choice = bots.inline().choose(user, queryId, resultId);
        UpdatesType sent = world.sendAs(user, choice.chat(), choice.draft());
        int id = sent instanceof dev.mtproto.tl.api.UpdateShortSentMessage s ? s.id()
                : ((dev.mtproto.tl.api.Updates) sent).updates().stream().map(dev.mtproto.testkit.world.updates.UpdateMessages::of)
                        .flatMap(Optional::stream).mapToInt(dev.mtproto.tl.api.MessageType::id).findFirst().orElse(0);
        bots.inline().sent(user, choice, id, user.homeDc(), now());
        return sent;
    }

    /**
     * Joins a public chat (or adds oneself back to a basic group one is in), as {@code channels.joinChannel} does:
     * the members see {@code messageActionChatAddUser}, admin bots {@code updateChannelParticipant} /
     * {@code updateChatParticipant}.
     *
     * @param chat the chat
     * @return what the user's app got
     * @throws dev.mtproto.rpc.RpcException {@code CHAT_WRITE_FORBIDDEN} for a private chat, {@code USER_ALREADY_PARTICIPANT}
     */
    public UpdatesType join(WorldChat chat) {
        return members.add(user, chat, List.of(user), 0, now(), "channels.joinChannel");
    }

    /**
     * Adds someone to a chat, as {@code messages.addChatUser} / {@code channels.inviteToChannel} do.
     *
     * @param chat the chat
     * @param who whom
     * @return what the user's app got
     */
    public UpdatesType add(WorldChat chat, Account who) {
        return members.add(user, chat, List.of(who), 0, now(), chat.isChannel() ? "channels.inviteToChannel" : "messages.addChatUser");
    }

    /**
     * Leaves a chat, as {@code channels.leaveChannel} / {@code messages.deleteChatUser} on oneself do.
     *
     * @param chat the chat
     * @return what the user's app got
     */
    public UpdatesType leave(WorldChat chat) {
        return members.remove(user, chat, user, false, 0, now(), chat.isChannel() ? "channels.leaveChannel" : "messages.deleteChatUser");
    }

    /**
     * @param message a message the user received
     * @return it as it is now (edited, pinned, with its reply markup), if it still exists
     */
    public Optional<Message> current(HistoryEntry message) {
        return changes.message(user, chatOf(message), message.id()).map(s -> s.message()).filter(Message.class::isInstance)
                .map(Message.class::cast);
    }

    /** @return the account */
    public Account account() {
        return user;
    }

    Destination chatOf(HistoryEntry entry) {
        if (entry.peer() instanceof PeerUser p) {
            return new Destination.ToUser(world.accounts().byId(p.userId()).orElseThrow());
        }
        long id = entry.peer() instanceof PeerChat c ? c.chatId() : ((PeerChannel) entry.peer()).channelId();
        return new Destination.ToChat(world.chats().byId(id).orElseThrow());
    }

    private int now() {
        return (int) (clock.millis() / 1000);
    }
}
