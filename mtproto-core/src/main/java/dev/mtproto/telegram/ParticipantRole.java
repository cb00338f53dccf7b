package dev.mtproto.telegram;

/** What a member is in a group, supergroup or channel. */
public enum ParticipantRole {
    /** Made the chat. */
    CREATOR,
    /** An administrator. */
    ADMIN,
    /** An ordinary member. */
    MEMBER,
    /** A member with some rights taken away (may still read). */
    RESTRICTED,
    /** Banned: may not read the chat or join it again. */
    BANNED,
    /** Left the chat (or was removed). */
    LEFT
}
