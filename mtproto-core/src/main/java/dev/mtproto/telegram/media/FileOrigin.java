package dev.mtproto.telegram.media;

import dev.mtproto.telegram.ChatRef;
import java.util.Objects;

/**
 * Where a photo or document was seen, so that its file reference can be fetched again when it expires
 * (https://core.telegram.org/api/file_reference): a message, or a user's profile photos.
 */
public sealed interface FileOrigin {
    /**
     * A message: fetched again with {@code messages.getMessages}, or {@code channels.getMessages} in a
     * supergroup or channel.
     *
     * @param chat its chat
     * @param messageId its id
     */
    record Message(ChatRef chat, int messageId) implements FileOrigin {
        /** @throws NullPointerException if the chat is null */
        public Message {
            Objects.requireNonNull(chat, "chat");
        }
    }

    /**
     * A user's profile photos: fetched again with {@code photos.getUserPhotos}, then {@code users.getFullUser}.
     *
     * @param userId the user
     */
    record ProfilePhoto(long userId) implements FileOrigin {
    }
}
