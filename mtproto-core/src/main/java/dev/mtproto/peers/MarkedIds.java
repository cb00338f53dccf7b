package dev.mtproto.peers;

import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;

/**
 * Peer ids in the marked form the Bot API and most libraries use, one number for any peer: a user's id as it
 * is, {@code -id} for a basic group, {@code -(1000000000000 + id)} for a channel or supergroup
 * ({@code -100…} in decimal).
 */
public final class MarkedIds {
    /** What a channel's id is offset by in marked form. */
    public static final long CHANNEL_MARK = 1_000_000_000_000L;

    private MarkedIds() {
    }

    /**
     * @param peer a peer
     * @return its marked id (0 for a constructor of {@code Peer} added in a later layer)
     */
    public static long of(Peer peer) {
        if (peer instanceof PeerUser u) {
            return u.userId();
        } else if (peer instanceof PeerChat c) {
            return -c.chatId();
        } else if (peer instanceof PeerChannel c) {
            return channel(c.channelId());
        }
        return 0;
    }

    /**
     * @param channelId a channel's plain id
     * @return its marked id
     */
    public static long channel(long channelId) {
        return -(CHANNEL_MARK + channelId);
    }
}
