package dev.mtproto.telegram.media;

import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputChannelType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.InputUserType;

/** The {@code InputUser} and {@code InputChannel} that {@code users.*}, {@code photos.*} and {@code channels.*} take, from an input peer. */
final class InputPeers {
    private InputPeers() {
    }

    /**
     * @param peer a user's input peer
     * @return its input user
     * @throws IllegalArgumentException if the peer is not a user
     */
    static InputUserType user(InputPeer peer) {
        if (peer instanceof InputPeerSelf) {
            return InputUserSelf.INSTANCE;
        } else if (peer instanceof InputPeerUser u) {
            return new InputUser(u.userId(), u.accessHash());
        }
        throw new IllegalArgumentException("not a user: " + peer.tlName());
    }

    /**
     * @param peer a supergroup's or channel's input peer
     * @return its input channel
     * @throws IllegalArgumentException if the peer is not a channel
     */
    static InputChannelType channel(InputPeer peer) {
        if (peer instanceof InputPeerChannel c) {
            return new InputChannel(c.channelId(), c.accessHash());
        }
        throw new IllegalArgumentException("not a supergroup or channel: " + peer.tlName());
    }
}
