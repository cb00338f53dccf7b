package dev.mtproto.messages.format;

import dev.mtproto.tl.api.InputMessageEntityMentionName;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.InputUserFromMessage;
import dev.mtproto.tl.api.InputUserType;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityCustomEmoji;
import dev.mtproto.tl.api.MessageEntityFormattedDate;
import dev.mtproto.tl.api.MessageEntityMentionName;
import dev.mtproto.tl.api.MessageEntityTextUrl;

/**
 * What the URL of a link means ({@code tg://user?id=N} is a mention by id, anything else a text URL) and
 * the URL each of those entities is written with; the same for custom emoji ({@code tg://emoji?id=N}).
 */
final class LinkTargets {
    static final String USER_PREFIX = "tg://user?id=";
    static final String EMOJI_PREFIX = "tg://emoji?id=";

    private LinkTargets() {
    }

    /**
     * @param url a link's URL, unescaped
     * @return a prototype {@link MessageEntityMentionName} or {@link MessageEntityTextUrl}
     * @throws IllegalArgumentException with the reason when the URL is empty, holds spaces or control
     *     characters, or is a {@code tg://user} link without a numeric id
     */
    static MessageEntity link(String url) {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("the link URL is empty");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("the link URL holds a space or control character");
            }
        }
        if (url.startsWith("tg://user?")) {
            return new MessageEntityMentionName(0, 0, id(url, USER_PREFIX, "user"));
        }
        return new MessageEntityTextUrl(0, 0, url);
    }

    /**
     * @param url the URL of a {@code ![text](url)}, unescaped
     * @return a prototype {@link MessageEntityFormattedDate} for {@code tg://time?}, else a
     *     {@link MessageEntityCustomEmoji}
     * @throws IllegalArgumentException when it is neither {@code tg://emoji?id=} and a positive number nor a
     *     valid {@code tg://time?unix=N&format=F}
     */
    static MessageEntity emojiOrDate(String url) {
        if (url.startsWith(DateTimes.PREFIX)) {
            return DateTimes.fromUrl(url);
        }
        return new MessageEntityCustomEmoji(0, 0, id(url, EMOJI_PREFIX, "custom emoji"));
    }

    /**
     * @param digits an id as text
     * @param what what the id is of, for the message
     * @return the id
     * @throws IllegalArgumentException unless 1 to 19 ASCII digits making a positive {@code long}
     */
    static long positiveId(String digits, String what) {
        if (digits.isEmpty() || digits.length() > 19) {
            throw new IllegalArgumentException("the " + what + " id must be a positive number, found \"" + digits
                    + "\"");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("the " + what + " id must be a positive number, found \""
                        + digits + "\"");
            }
        }
        try {
            long id = Long.parseLong(digits);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException tooLarge) {
            // reported below
        }
        throw new IllegalArgumentException("the " + what + " id must be a positive number, found \"" + digits
                + "\"");
    }

    private static long id(String url, String prefix, String what) {
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("a " + what + " URL must be " + prefix + "<id>, found \"" + url
                    + "\"");
        }
        return positiveId(url.substring(prefix.length()), what);
    }

    /**
     * @param span a text URL span
     * @throws IllegalArgumentException unless its URL reads back as the same text URL
     */
    static void checkTextUrl(Span span) {
        String url = ((MessageEntityTextUrl) span.prototype()).url();
        if (!(link(url) instanceof MessageEntityTextUrl)) {
            throw new IllegalArgumentException("a text URL starting with tg://user? would read back as a mention: "
                    + url);
        }
    }

    /**
     * @param span a link-like, custom emoji or date-time span
     * @return the URL that writes it
     * @throws IllegalArgumentException for an input mention whose user has no id, or an id that is not
     *     positive
     */
    static String urlOf(Span span) {
        MessageEntity entity = span.prototype();
        if (entity instanceof MessageEntityTextUrl url) {
            return url.url();
        } else if (entity instanceof MessageEntityMentionName mention) {
            return USER_PREFIX + writable(mention.userId(), "user");
        } else if (entity instanceof InputMessageEntityMentionName mention) {
            return USER_PREFIX + writable(userIdOf(mention.userId()), "user");
        } else if (entity instanceof MessageEntityCustomEmoji emoji) {
            return EMOJI_PREFIX + writable(emoji.documentId(), "custom emoji");
        } else if (entity instanceof MessageEntityFormattedDate date) {
            return DateTimes.url(date);
        }
        throw new IllegalArgumentException("not a link: " + entity);
    }

    private static long writable(long id, String what) {
        if (id <= 0) {
            throw new IllegalArgumentException("a " + what + " id must be positive to be written as markup, found "
                    + id);
        }
        return id;
    }

    private static long userIdOf(InputUserType user) {
        if (user instanceof InputUser input) {
            return input.userId();
        } else if (user instanceof InputUserFromMessage fromMessage) {
            return fromMessage.userId();
        }
        throw new IllegalArgumentException("a mention of " + user + " cannot be written as markup: no user id");
    }
}
