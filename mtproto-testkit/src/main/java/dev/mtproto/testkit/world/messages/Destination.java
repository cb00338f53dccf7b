package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;

/** Where a message goes: a private chat with a user (oneself for Saved Messages), or a chat with members. */
public sealed interface Destination {
    /**
     * A private chat.
     *
     * @param user the other side
     */
    record ToUser(Account user) implements Destination {
    }

    /**
     * A basic group, a supergroup or a broadcast channel.
     *
     * @param chat the chat
     */
    record ToChat(WorldChat chat) implements Destination {
    }
}
