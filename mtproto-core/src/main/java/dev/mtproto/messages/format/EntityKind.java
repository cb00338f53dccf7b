package dev.mtproto.messages.format;

import dev.mtproto.tl.api.InputMessageEntityMentionName;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.MessageEntityCode;
import dev.mtproto.tl.api.MessageEntityCustomEmoji;
import dev.mtproto.tl.api.MessageEntityFormattedDate;
import dev.mtproto.tl.api.MessageEntityItalic;
import dev.mtproto.tl.api.MessageEntityMentionName;
import dev.mtproto.tl.api.MessageEntityPre;
import dev.mtproto.tl.api.MessageEntitySpoiler;
import dev.mtproto.tl.api.MessageEntityStrike;
import dev.mtproto.tl.api.MessageEntityTextUrl;
import dev.mtproto.tl.api.MessageEntityUnderline;

/**
 * The entity kinds that markup can express, in the order in which entities of the same range nest (the
 * first is outermost). Splittable kinds are the five that Telegram lets overlap anything except code and
 * pre: they are merged into maximal runs and split where needed (see {@link EntityNormalizer}).
 */
enum EntityKind {
    BLOCKQUOTE(false),
    BOLD(true),
    ITALIC(true),
    UNDERLINE(true),
    STRIKE(true),
    SPOILER(true),
    TEXT_URL(false),
    MENTION_NAME(false),
    INPUT_MENTION_NAME(false),
    CUSTOM_EMOJI(false),
    FORMATTED_DATE(false),
    PRE(false),
    CODE(false);

    private final boolean splittable;

    EntityKind(boolean splittable) {
        this.splittable = splittable;
    }

    /** @return true for bold, italic, underline, strikethrough and spoiler */
    boolean splittable() {
        return splittable;
    }

    /** @return true for code and pre, whose content is literal and holds no other entity */
    boolean literal() {
        return this == CODE || this == PRE;
    }

    /** @return the human name used in error messages */
    String label() {
        return switch (this) {
            case BLOCKQUOTE -> "blockquote";
            case BOLD -> "bold";
            case ITALIC -> "italic";
            case UNDERLINE -> "underline";
            case STRIKE -> "strikethrough";
            case SPOILER -> "spoiler";
            case TEXT_URL -> "link";
            case MENTION_NAME, INPUT_MENTION_NAME -> "mention";
            case CUSTOM_EMOJI -> "custom emoji";
            case FORMATTED_DATE -> "date-time";
            case PRE -> "pre";
            case CODE -> "code";
        };
    }

    /**
     * @param entity any entity
     * @return its kind, or null for kinds markup cannot express (mentions by username, hashtags, URLs,
     *     e-mails and the other kinds Telegram detects in plain text, diffs, unknown)
     */
    static EntityKind of(MessageEntity entity) {
        if (entity instanceof MessageEntityBlockquote) {
            return BLOCKQUOTE;
        } else if (entity instanceof MessageEntityBold) {
            return BOLD;
        } else if (entity instanceof MessageEntityItalic) {
            return ITALIC;
        } else if (entity instanceof MessageEntityUnderline) {
            return UNDERLINE;
        } else if (entity instanceof MessageEntityStrike) {
            return STRIKE;
        } else if (entity instanceof MessageEntitySpoiler) {
            return SPOILER;
        } else if (entity instanceof MessageEntityTextUrl) {
            return TEXT_URL;
        } else if (entity instanceof MessageEntityMentionName) {
            return MENTION_NAME;
        } else if (entity instanceof InputMessageEntityMentionName) {
            return INPUT_MENTION_NAME;
        } else if (entity instanceof MessageEntityCustomEmoji) {
            return CUSTOM_EMOJI;
        } else if (entity instanceof MessageEntityFormattedDate) {
            return FORMATTED_DATE;
        } else if (entity instanceof MessageEntityPre) {
            return PRE;
        } else if (entity instanceof MessageEntityCode) {
            return CODE;
        }
        return null;
    }

    /**
     * Builds an entity of this kind over a new range.
     *
     * @param offset UTF-16 offset
     * @param length UTF-16 length
     * @param prototype an entity of this kind whose other fields (URL, language, ids, collapsed) are
     *     copied; may be null for splittable kinds
     * @return the new entity
     */
    MessageEntity create(int offset, int length, MessageEntity prototype) {
        return switch (this) {
            case BLOCKQUOTE -> new MessageEntityBlockquote(((MessageEntityBlockquote) prototype).collapsed(), offset,
                    length);
            case BOLD -> new MessageEntityBold(offset, length);
            case ITALIC -> new MessageEntityItalic(offset, length);
            case UNDERLINE -> new MessageEntityUnderline(offset, length);
            case STRIKE -> new MessageEntityStrike(offset, length);
            case SPOILER -> new MessageEntitySpoiler(offset, length);
            case TEXT_URL -> new MessageEntityTextUrl(offset, length, ((MessageEntityTextUrl) prototype).url());
            case MENTION_NAME -> new MessageEntityMentionName(offset, length,
                    ((MessageEntityMentionName) prototype).userId());
            case INPUT_MENTION_NAME -> new InputMessageEntityMentionName(offset, length,
                    ((InputMessageEntityMentionName) prototype).userId());
            case CUSTOM_EMOJI -> new MessageEntityCustomEmoji(offset, length,
                    ((MessageEntityCustomEmoji) prototype).documentId());
            case FORMATTED_DATE -> {
                MessageEntityFormattedDate date = (MessageEntityFormattedDate) prototype;
                yield new MessageEntityFormattedDate(date.relative(), date.shortTime(), date.longTime(),
                        date.shortDate(), date.longDate(), date.dayOfWeek(), offset, length, date.date());
            }
            case PRE -> new MessageEntityPre(offset, length, ((MessageEntityPre) prototype).language());
            case CODE -> new MessageEntityCode(offset, length);
        };
    }
}
