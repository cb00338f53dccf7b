package dev.mtproto.messages.format;

import dev.mtproto.tl.api.InputUserType;

/**
 * Finds the {@link InputUserType} (id and access hash) of a user mentioned by id, so that a parsed
 * {@code messageEntityMentionName} can be sent as {@code inputMessageEntityMentionName}. Parsing needs no
 * network; the caller resolves mentions afterwards with {@link FormattedText#withInputMentions}, typically
 * from the client's peer cache.
 */
@FunctionalInterface
public interface MentionResolver {
    /**
     * @param userId the mentioned user's id, from {@code tg://user?id=}
     * @return the user to send, never null
     * @throws RuntimeException of the resolver's choice when the user is unknown
     */
    InputUserType inputUser(long userId);
}
