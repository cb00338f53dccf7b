package dev.mtproto.telegram;

import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageFwdHeader;
import dev.mtproto.tl.api.MessageReplyHeader;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.updates.IncomingUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A message as an application handles it: its text, sender, chat and the rest, with the users and chats its
 * update carried, and shortcuts to answer it ({@link #reply}, {@link #respond}, {@link #edit}, {@link #delete},
 * {@link #forwardTo}, {@link #react}, {@link #pin}). The raw {@code message} is {@link #raw()}.
 */
public final class MessageView {
    private final Message message;
    private final IncomingUpdate update;
    private final TelegramClient client;

    MessageView(Message message, IncomingUpdate update, TelegramClient client) {
        this.message = message;
        this.update = update;
        this.client = client;
    }

    /** @return the raw message */
    public Message raw() {
        return message;
    }

    /** @return the update it came in, with its users and chats */
    public IncomingUpdate update() {
        return update;
    }

    /** @return its id (unique within its chat for channels, within the account's box otherwise) */
    public int id() {
        return message.id();
    }

    /** @return its text (a media caption for media), never null */
    public String text() {
        return message.message() == null ? "" : message.message();
    }

    /** @return its formatting entities, offsets in UTF-16 code units */
    public List<MessageEntity> entities() {
        return message.entities() == null ? List.of() : List.copyOf(message.entities());
    }

    /** @return when it was sent */
    public Instant date() {
        return Instant.ofEpochSecond(Integer.toUnsignedLong(message.date()));
    }

    /** @return whether the account sent it */
    public boolean outgoing() {
        return message.out();
    }

    /**
     * @return the id of the user who sent it: {@code from_id}, or in a private chat the other side (incoming) or
     *     the account (outgoing); empty for a channel post
     */
    public OptionalLong senderId() {
        Peer from = message.fromId();
        if (from instanceof PeerUser u) {
            return OptionalLong.of(u.userId());
        }
        if (from == null && message.peerId() instanceof PeerUser u) {
            return message.out() ? client.raw().signedInUserId() : OptionalLong.of(u.userId());
        }
        return OptionalLong.empty();
    }

    /** @return the user who sent it, as its update carried it */
    public Optional<User> sender() {
        OptionalLong id = senderId();
        return id.isPresent() ? update.user(id.getAsLong()) : Optional.empty();
    }

    /** @return the chat it is in */
    public ChatRef chat() {
        Peer p = message.peerId();
        if (p instanceof PeerUser u) {
            return new ChatRef(ChatKind.PRIVATE, u.userId(), update.user(u.userId()).map(MessageView::name));
        } else if (p instanceof PeerChat c) {
            return new ChatRef(ChatKind.GROUP, c.chatId(), update.chat(c.chatId()).map(x -> x.title()));
        }
        long id = ((PeerChannel) p).channelId();
        Optional<Channel> channel = update.channel(id);
        boolean broadcast = channel.map(Channel::broadcast).orElse(message.post());
        return new ChatRef(broadcast ? ChatKind.CHANNEL : ChatKind.SUPERGROUP, id, channel.map(Channel::title));
    }

    private static String name(User u) {
        String first = u.firstName() == null ? "" : u.firstName();
        return u.lastName() == null ? first : (first + " " + u.lastName()).strip();
    }

    /** @return the message it replies to, if any */
    public OptionalInt replyToMessageId() {
        return message.replyTo() instanceof MessageReplyHeader r && r.replyToMsgId() != null ? OptionalInt.of(r.replyToMsgId()) : OptionalInt.empty();
    }

    /** @return where it was forwarded from, if it is a forward */
    public Optional<MessageFwdHeader> forwardedFrom() {
        return message.fwdFrom() instanceof MessageFwdHeader f ? Optional.of(f) : Optional.empty();
    }

    /** @return what it carries besides text */
    public MediaKind mediaKind() {
        return MediaKind.of(message.media());
    }

    /**
     * @return its media as a typed value (photo, document, or the raw TL object), with this message as its origin
     *     for file references; download it with {@code client.media().download(...)}; empty for none
     */
    public Optional<dev.mtproto.telegram.media.ReceivedMedia> media() {
        return client.media().of(this);
    }

    /** @return the bot command it starts with ({@code /start@mybot a b}), if any */
    public Optional<BotCommand> command() {
        return BotCommand.parse(text());
    }

    /**
     * Sends a message to the same chat, as a reply to this one.
     *
     * @param text the text
     * @return the message sent
     */
    public CompletableFuture<SentMessage> reply(String text) {
        return client.message(chat()).text(text).replyTo(id()).send();
    }

    /**
     * Sends a message to the same chat (not as a reply).
     *
     * @param text the text
     * @return the message sent
     */
    public CompletableFuture<SentMessage> respond(String text) {
        return client.message(chat()).text(text).send();
    }

    /**
     * Changes this message's text (the account's own messages; a bot's in chats where it may).
     *
     * @param text the new text
     * @return completes when edited
     */
    public CompletableFuture<Void> edit(String text) {
        return client.editMessage(chat(), id(), text);
    }

    /**
     * @param forEveryone also for the other side (in private chats and basic groups; always in channels)
     * @return completes when deleted
     */
    public CompletableFuture<Void> delete(boolean forEveryone) {
        return client.deleteMessages(chat(), List.of(id()), forEveryone);
    }

    /**
     * @param to where to forward it
     * @return completes when forwarded
     */
    public CompletableFuture<Void> forwardTo(ChatRef to) {
        return client.forwardMessages(chat(), List.of(id()), to);
    }

    /**
     * @param emoji the reaction, e.g. {@code "👍"}; empty to remove the account's reaction
     * @return completes when set
     */
    public CompletableFuture<Void> react(String emoji) {
        return client.react(chat(), id(), emoji);
    }

    /**
     * @param silent whether to pin without notifying the members
     * @return completes when pinned
     */
    public CompletableFuture<Void> pin(boolean silent) {
        return client.pin(chat(), id(), silent);
    }

    @Override
    public String toString() {
        return "MessageView{id=" + id() + ", chat=" + chat().markedId() + ", length=" + text().length() + "}";
    }
}
