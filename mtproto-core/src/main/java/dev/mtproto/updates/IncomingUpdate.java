package dev.mtproto.updates;

import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One update as the {@link UpdateEngine} delivers it: exactly once, in order within its chat, with the users
 * and chats Telegram sent along (those the update mentions, with access hashes valid for this account).
 * Short forms ({@code updateShortMessage}, {@code updateShortChatMessage}, {@code updateShortSentMessage}) arrive
 * expanded into {@code updateNewMessage}.
 *
 * @param update the update
 * @param users the users sent with it
 * @param chats the chats and channels sent with it
 * @param origin pushed, fetched after a gap, or returned by our own call
 * @param chatKey the chat it belongs to, as a marked id (a user's id, {@code -chat_id} for a basic group,
 *     {@code -100…} for a channel, as the Bot API writes them), or 0 for updates about the account itself
 *     (statuses, settings...); updates with the same key are delivered one after another, in order
 */
public record IncomingUpdate(Update update, List<UserType> users, List<ChatType> chats, UpdateOrigin origin, long chatKey) {

    /** @throws NullPointerException if an argument is null */
    public IncomingUpdate {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(origin, "origin");
        users = List.copyOf(users);
        chats = List.copyOf(chats);
    }

    /**
     * @param id a user id
     * @return that user, if sent with the update (not {@code userEmpty})
     */
    public Optional<User> user(long id) {
        for (UserType u : users) {
            if (u instanceof User x && x.id() == id) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /**
     * @param id a basic group's id
     * @return that group, if sent with the update
     */
    public Optional<Chat> chat(long id) {
        for (ChatType c : chats) {
            if (c instanceof Chat x && x.id() == id) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /**
     * @param id a channel's or supergroup's id
     * @return it, if sent with the update
     */
    public Optional<Channel> channel(long id) {
        for (ChatType c : chats) {
            if (c instanceof Channel x && x.id() == id) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "IncomingUpdate{" + update.getClass().getSimpleName() + ", chat " + chatKey + ", " + origin + "}";
    }
}
