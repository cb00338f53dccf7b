package dev.mtproto.testkit.world.messages;

import dev.mtproto.tl.api.Peer;

/**
 * Where each account stands in reading its chats, as {@code messages.readHistory} and {@code channels.readHistory}
 * moved it: what {@code dialog.read_inbox_max_id}, {@code read_outbox_max_id} and {@code unread_count} are made of
 * (https://core.telegram.org/constructor/dialog). Thread-safe.
 */
public interface ReadMarks {
    /**
     * @param ownerId an account
     * @param chat a chat as that account names it
     * @return the last message it read there (its id in the account's box, or the channel's), 0 for none
     */
    int inboxMax(long ownerId, Peer chat);

    /**
     * @param ownerId an account
     * @param chat a chat as that account names it
     * @return the last of the account's own messages there that someone else read, 0 for none
     */
    int outboxMax(long ownerId, Peer chat);
}
