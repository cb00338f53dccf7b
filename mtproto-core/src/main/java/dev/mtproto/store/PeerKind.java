package dev.mtproto.store;

/**
 * The kind of a {@link StoredPeer}: its id is only unique within its kind (a user and a channel can have
 * the same number).
 */
public enum PeerKind {
    /** A user or a bot ({@code user}, {@code inputPeerUser}). */
    USER,
    /** A basic group ({@code chat}); it has no access hash. */
    CHAT,
    /** A channel, supergroup or gigagroup ({@code channel}, {@code inputPeerChannel}). */
    CHANNEL
}
