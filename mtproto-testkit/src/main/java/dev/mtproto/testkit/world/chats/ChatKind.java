package dev.mtproto.testkit.world.chats;

/** The kinds of chats with several members Telegram has (https://core.telegram.org/api/channel). */
public enum ChatKind {
    /** A basic group: {@code chat}, messages in each member's common message box. */
    GROUP,
    /** A supergroup: {@code channel} with {@code megagroup}; every member may post. */
    SUPERGROUP,
    /** A broadcast channel: {@code channel} with {@code broadcast}; only its admins post. */
    CHANNEL;

    /** @return whether chats of this kind are {@code channel}s, with their own message box and pts */
    public boolean isChannel() {
        return this != GROUP;
    }
}
