package dev.mtproto.telegram;

import dev.mtproto.peers.MarkedIds;
import dev.mtproto.store.PeerKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat as an update names it: its kind, its plain id and, when the update carried it, its title.
 *
 * @param kind private, group, supergroup or channel
 * @param id the plain id (the user's id for a private chat)
 * @param title the title (a group's or channel's; the user's name for a private chat), when known
 */
public record ChatRef(ChatKind kind, long id, Optional<String> title) {

    /** @throws NullPointerException if an argument is null */
    public ChatRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
    }

    /** @return the marked id ({@code -100…} for channels and supergroups, {@code -id} for groups) */
    public long markedId() {
        return switch (kind) {
            case PRIVATE -> id;
            case GROUP -> -id;
            case SUPERGROUP, CHANNEL -> MarkedIds.channel(id);
        };
    }

    /** @return the kind of peer its access hash is stored as (user, basic group or channel) */
    public PeerKind peerKind() {
        return switch (kind) {
            case PRIVATE -> PeerKind.USER;
            case GROUP -> PeerKind.CHAT;
            case SUPERGROUP, CHANNEL -> PeerKind.CHANNEL;
        };
    }
}
