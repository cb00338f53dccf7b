package dev.mtproto.telegram;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of a group, supergroup or channel, as {@code channels.getParticipants} or {@code messages.getFullChat}
 * gives it.
 *
 * @param userId the member's user id
 * @param name the member's first and last name, when the answer carried the user
 * @param username the member's username without {@code @}, when it has one and the answer carried it
 * @param role what it is in the chat
 * @param joined when it joined (or was promoted, restricted or banned); empty for the creator, whom Telegram gives
 *     no date
 */
public record ParticipantView(long userId, Optional<String> name, Optional<String> username, ParticipantRole role, Optional<Instant> joined) {

    /** @throws NullPointerException if an argument is null */
    public ParticipantView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joined, "joined");
    }
}
