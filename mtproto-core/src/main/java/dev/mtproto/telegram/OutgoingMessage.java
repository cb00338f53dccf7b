package dev.mtproto.telegram;

import dev.mtproto.tl.api.InputReplyToMessage;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.ReplyMarkup;
import dev.mtproto.tl.api.messages.SendMessage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A message being written: {@code client.message(chat).text("hi").replyTo(42).silent().send()}. Each
 * {@link #send()} takes a fresh random id, and a call the client repeats (after a reconnect) carries the same
 * one, so Telegram never sends it twice. Not thread-safe; send once.
 */
public final class OutgoingMessage {
    /** Telegram's limit on a message's text (https://core.telegram.org/method/messages.sendMessage). */
    public static final int MAX_TEXT_LENGTH = 4096;

    private final TelegramClient client;
    private final java.util.function.Supplier<CompletableFuture<dev.mtproto.tl.api.InputPeer>> target;
    private String text = "";
    private List<MessageEntity> entities;
    private Integer replyTo;
    private boolean silent;
    private boolean noLinkPreview;
    private Instant schedule;
    private ReplyMarkup markup;

    OutgoingMessage(TelegramClient client, java.util.function.Supplier<CompletableFuture<dev.mtproto.tl.api.InputPeer>> target) {
        this.client = client;
        this.target = target;
    }

    /** @param value the text, at most 4,096 UTF-16 code units @return this */
    public OutgoingMessage text(String value) {
        this.text = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * @param markdown the text in Telegram's MarkdownV2 ({@code *bold* _italic_ [link](https://…)}, see docs/messages.md)
     * @return this, with the text and its entities
     * @throws dev.mtproto.messages.format.FormattingException naming the position, for malformed markup
     */
    public OutgoingMessage markdown(String markdown) {
        return formatted(dev.mtproto.messages.format.Markdown.parse(markdown));
    }

    /**
     * @param html the text in the Bot API's HTML ({@code <b>bold</b> <a href="…">link</a>})
     * @return this, with the text and its entities
     * @throws dev.mtproto.messages.format.FormattingException naming the position, for malformed markup
     */
    public OutgoingMessage html(String html) {
        return formatted(dev.mtproto.messages.format.Html.parse(html));
    }

    /**
     * @param value a text with its entities; mentions of users by id are sent with the access hashes the
     *     client holds for them
     * @return this
     * @throws IllegalArgumentException if a mentioned user was never seen by the client
     */
    public OutgoingMessage formatted(dev.mtproto.messages.format.FormattedText value) {
        dev.mtproto.messages.format.FormattedText f = value.withInputMentions(client::inputUser);
        this.text = f.text();
        this.entities = f.entities();
        return this;
    }

    /** @param value the formatting of the text (offsets in UTF-16 code units) @return this */
    public OutgoingMessage entities(List<? extends MessageEntity> value) {
        this.entities = List.copyOf(value);
        return this;
    }

    /** @param messageId the message this one answers @return this */
    public OutgoingMessage replyTo(int messageId) {
        this.replyTo = messageId;
        return this;
    }

    /** @return this, sent without a notification sound */
    public OutgoingMessage silent() {
        this.silent = true;
        return this;
    }

    /** @return this, without a preview of its first link */
    public OutgoingMessage noLinkPreview() {
        this.noLinkPreview = true;
        return this;
    }

    /** @param when send at this time instead of now (a scheduled message) @return this */
    public OutgoingMessage schedule(Instant when) {
        this.schedule = Objects.requireNonNull(when, "when");
        return this;
    }

    /** @param value an inline or reply keyboard, or a removal / force-reply @return this */
    public OutgoingMessage replyMarkup(ReplyMarkup value) {
        this.markup = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Sends it.
     *
     * @return what Telegram answered; fails with {@link IllegalArgumentException} at once for an empty or too
     *     long text, with {@link dev.mtproto.peers.PeerNotFoundException} if the chat cannot be named, or with
     *     the call's {@link dev.mtproto.rpc.RpcException} ({@code CHAT_WRITE_FORBIDDEN}, {@code USER_IS_BLOCKED}...)
     */
    public CompletableFuture<SentMessage> send() {
        if (text.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message needs a text that is not blank"));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message's text is at most " + MAX_TEXT_LENGTH
                    + " UTF-16 code units, this one has " + text.length() + "; split it"));
        }
        long randomId = client.randomId();
        CompletableFuture<dev.mtproto.tl.api.InputPeer> to = target.get();
        return to.thenCompose(peer -> {
            SendMessage.Builder b = SendMessage.builder().peer(peer).message(text).randomId(randomId).silent(silent).noWebpage(noLinkPreview);
            if (entities != null && !entities.isEmpty()) {
                b.entities(entities);
            }
            if (replyTo != null) {
                b.replyTo(InputReplyToMessage.builder().replyToMsgId(replyTo).build());
            }
            if (schedule != null) {
                b.scheduleDate((int) schedule.getEpochSecond());
            }
            if (markup != null) {
                b.replyMarkup(markup);
            }
            return client.raw().invoke(b.build());
        }).thenApply(answer -> SentMessage.of(answer, randomId, to.join()));
    }
}
