package dev.mtproto.telegram;

/** What kind of chat a message is in. */
public enum ChatKind {
    /** A one-to-one chat with a user (or a bot). */
    PRIVATE,
    /** A basic group. */
    GROUP,
    /** A supergroup (a channel with {@code megagroup}). */
    SUPERGROUP,
    /** A broadcast channel. */
    CHANNEL
}
