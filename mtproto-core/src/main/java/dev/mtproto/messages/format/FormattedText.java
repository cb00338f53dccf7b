package dev.mtproto.messages.format;

import dev.mtproto.tl.api.InputMessageEntityMentionName;
import dev.mtproto.tl.api.InputUserType;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityMentionName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message text and its entities, as Telegram sends and receives them: offsets and lengths count UTF-16
 * code units of {@code text} (Java {@code char}s), so an emoji outside the Basic Multilingual Plane counts
 * two, and a ZWJ sequence or a letter with combining marks counts each of its code points.
 *
 * <p>{@link Markdown#parse}, {@link Html#parse} and {@link #normalized()} return entities in Telegram's
 * order (by offset, then outer before inner).
 *
 * @param text the plain text, never null
 * @param entities the entities, an immutable copy
 */
public record FormattedText(String text, List<MessageEntity> entities) {

    /**
     * Copies the entities into an immutable list.
     *
     * @param text the plain text
     * @param entities the entities, in any order
     * @throws NullPointerException if {@code text}, {@code entities} or an entity is null
     */
    public FormattedText {
        Objects.requireNonNull(text, "text");
        entities = List.copyOf(entities);
    }

    /**
     * @param text plain text
     * @return the text without entities
     */
    public static FormattedText plain(String text) {
        return new FormattedText(text, List.of());
    }

    /**
     * Returns the canonical form the parsers produce: kinds markup cannot express (username mentions,
     * hashtags, URLs and the other kinds Telegram detects itself, diffs) and empty entities left
     * out; touching or overlapping bold, italic, underline, strikethrough and spoiler ranges merged, then
     * cut where they cross another entity's edge or a blockquote; sorted. For every value,
     * {@code Markdown.parse(Markdown.render(x))} and {@code Html.parse(Html.render(x))} equal
     * {@code x.normalized()}.
     *
     * @return the normalized value
     * @throws IllegalArgumentException if an entity lies outside the text or splits a surrogate pair, or
     *     if entities overlap or nest against the Bot API's rules (a link in a link, anything in code...)
     */
    public FormattedText normalized() {
        return EntityNormalizer.normalize(this);
    }

    /**
     * Replaces every {@code messageEntityMentionName} (what the parsers produce for
     * {@code tg://user?id=N}) with the {@code inputMessageEntityMentionName} that sending needs.
     *
     * @param resolver gives the {@link InputUserType} of a user id
     * @return the same text with input mentions
     * @throws IllegalArgumentException if the resolver returns null for a user
     */
    public FormattedText withInputMentions(MentionResolver resolver) {
        List<MessageEntity> resolved = new ArrayList<>(entities.size());
        for (MessageEntity entity : entities) {
            if (entity instanceof MessageEntityMentionName mention) {
                InputUserType user = resolver.inputUser(mention.userId());
                if (user == null) {
                    throw new IllegalArgumentException("no InputUser for mentioned user " + mention.userId());
                }
                resolved.add(new InputMessageEntityMentionName(mention.offset(), mention.length(), user));
            } else {
                resolved.add(entity);
            }
        }
        return new FormattedText(text, resolved);
    }
}
