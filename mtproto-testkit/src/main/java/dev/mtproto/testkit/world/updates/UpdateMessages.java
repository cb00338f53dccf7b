package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateEditChannelMessage;
import dev.mtproto.tl.api.UpdateEditMessage;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import java.util.Optional;

/** The message an update carries, if any, so that an answer can name its users and chats. */
public final class UpdateMessages {
    private UpdateMessages() {
    }

    /**
     * @param update an update
     * @return the message of {@code updateNewMessage}, {@code updateNewChannelMessage}, {@code updateEditMessage}
     *     or {@code updateEditChannelMessage}
     */
    public static Optional<MessageType> of(Update update) {
        if (update instanceof UpdateEditMessage u) {
            return Optional.of(u.message());
        }
        if (update instanceof UpdateEditChannelMessage u) {
            return Optional.of(u.message());
        }
        if (update instanceof UpdateNewMessage u) {
            return Optional.of(u.message());
        }
        if (update instanceof UpdateNewChannelMessage u) {
            return Optional.of(u.message());
        }
        return Optional.empty();
    }
}
