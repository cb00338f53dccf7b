package dev.mtproto.testkit.world.messages;

import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageFwdHeader;
import dev.mtproto.tl.api.MessageMedia;
import dev.mtproto.tl.api.ReplyMarkup;
import java.util.List;
import java.util.Objects;

/**
 * What a message says and how it is sent: its text, its entities (bold, links, ...), a reply markup for bots'
 * keyboards, the message it replies to, and the {@code silent} and {@code no_webpage} flags.
 *
 * @param text the text
 * @param markup the reply markup, null for none
 * @param entities the text's entities, as the sender gave them (empty for none)
 * @param replyToMsgId the id, in the sender's own box, of the message it replies to; 0 for none
 * @param silent whether it is sent without sound ({@code silent})
 * @param noWebpage whether no link preview is made ({@code no_webpage}: kept, nothing to preview here)
 * @param fwdFrom the forward header of a forwarded message, null for none
 * @param viaBotId the bot whose inline result this is ({@code via_bot_id}), 0 for none
 * @param attachment the photo or document it carries (the text is then its caption), null for none
 */
public record Draft(String text, ReplyMarkup markup, List<MessageEntity> entities, int replyToMsgId, boolean silent, boolean noWebpage,
        MessageFwdHeader fwdFrom, long viaBotId, Attachment attachment) {
    /**
     * Checks the text and copies the entities.
     *
     * @param text the text
     * @param markup the markup, or null
     * @param entities the entities, null or empty for none
     * @param replyToMsgId the message replied to, 0 for none
     * @param silent silent
     * @param noWebpage no link preview
     * @param fwdFrom the forward header, or null
     * @param viaBotId the inline bot, or 0
     * @param attachment the media, or null
     * @throws NullPointerException if the text is null
     */
    public Draft {
        Objects.requireNonNull(text, "text");
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /**
     * A message without media.
     *
     * @param text the text
     * @param markup the markup, or null
     * @param entities the entities, null or empty for none
     * @param replyToMsgId the message replied to, 0 for none
     * @param silent silent
     * @param noWebpage no link preview
     * @param fwdFrom the forward header, or null
     * @param viaBotId the inline bot, or 0
     */
    public Draft(String text, ReplyMarkup markup, List<MessageEntity> entities, int replyToMsgId, boolean silent, boolean noWebpage,
            MessageFwdHeader fwdFrom, long viaBotId) {
        this(text, markup, entities, replyToMsgId, silent, noWebpage, fwdFrom, viaBotId, null);
    }

    /**
     * Media a message carries.
     *
     * @param media the {@code messageMediaPhoto} or {@code messageMediaDocument}
     * @param groupedId the album it belongs to ({@code grouped_id}), 0 for none
     */
    public record Attachment(MessageMedia media, long groupedId) {
        /** Checks the media. */
        public Attachment {
            Objects.requireNonNull(media, "media");
        }
    }

    /** @return whether the message carries media, which the short update forms cannot */
    public boolean hasMedia() {
        return attachment != null;
    }

    /**
     * @param text the text
     * @param markup the reply markup, or null
     */
    public Draft(String text, ReplyMarkup markup) {
        this(text, markup, List.of(), 0, false, false, null, 0);
    }

    /**
     * @param text a text
     * @return a plain text message
     */
    public static Draft of(String text) {
        return new Draft(text, null);
    }

    /**
     * @param header a forward header
     * @return this draft, forwarded with that header (a forward is not a reply)
     */
    public Draft forwarded(MessageFwdHeader header) {
        return new Draft(text, markup, entities, 0, silent, noWebpage, header, viaBotId, attachment);
    }

    /** @return the inline bot for a TL field: null for none */
    public Long viaBotIdOrNull() {
        return viaBotId == 0 ? null : viaBotId;
    }

    /** @return the entities for a TL field: null when there are none */
    public List<MessageEntity> entitiesOrNull() {
        return entities.isEmpty() ? null : entities;
    }
}
