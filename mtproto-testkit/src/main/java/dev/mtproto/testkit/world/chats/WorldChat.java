package dev.mtproto.testkit.world.chats;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A group, supergroup or broadcast channel of the world. Immutable; the registry replaces it when its
 * members change.
 *
 * @param id the chat's id (a basic group's {@code chat_id}, or a {@code channel_id})
 * @param kind what it is
 * @param title its title
 * @param username its public username without {@code @}, empty for a private chat (basic groups have none)
 * @param creatorId the account that made it
 * @param members its members in the order they joined, the creator first
 * @param admins the members who are admins (the creator always is)
 * @param date when it was made, in Unix seconds
 */
public record WorldChat(long id, ChatKind kind, String title, String username, long creatorId, List<Long> members,
        Set<Long> admins, int date) {

    /**
     * Checks and copies the components.
     *
     * @param id the id
     * @param kind the kind
     * @param title the title
     * @param username the username, empty if none
     * @param creatorId the creator
     * @param members the members
     * @param admins the admins
     * @param date the date
     * @throws NullPointerException if a component is null
     */
    public WorldChat {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(username, "username");
        members = List.copyOf(members);
        admins = Set.copyOf(admins);
    }

    /**
     * @param userId an account
     * @return whether it is a member
     */
    public boolean isMember(long userId) {
        return members.contains(userId);
    }

    /**
     * @param userId an account
     * @return whether it may post: any member of a group or supergroup, only admins of a broadcast channel
     */
    public boolean mayPost(long userId) {
        return isMember(userId) && (kind != ChatKind.CHANNEL || admins.contains(userId));
    }

    /** @return whether it is a {@code channel} (a supergroup or a broadcast channel) */
    public boolean isChannel() {
        return kind.isChannel();
    }

    /** @return whether it has a public username */
    public boolean isPublic() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return kind + "[" + id + (isPublic() ? " @" + username : "") + " \"" + title + "\", " + members.size() + " members]";
    }
}
