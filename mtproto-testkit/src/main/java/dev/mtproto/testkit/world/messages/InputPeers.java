package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.AccessHashes;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.ChannelAccess;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.InputPeerUser;

/**
 * Reads the peers a client names (https://core.telegram.org/api/peers): a user or channel only with the
 * access hash this viewer got for it; a basic group by id, for its members.
 */
public final class InputPeers {
    private final Accounts accounts;
    private final AccessHashes accessHashes;
    private final Chats chats;
    private final ChannelAccess channels;

    /**
     * @param accounts the world's accounts
     * @param accessHashes the world's access hashes
     * @param chats the world's chats
     * @param channels reads channels
     */
    public InputPeers(Accounts accounts, AccessHashes accessHashes, Chats chats, ChannelAccess channels) {
        this.accounts = accounts;
        this.accessHashes = accessHashes;
        this.chats = chats;
        this.channels = channels;
    }

    /**
     * @param viewer the caller
     * @param peer the peer it names
     * @param method the TL name of the function, for errors
     * @return where it points
     * @throws dev.mtproto.rpc.RpcException {@code 400 PEER_ID_INVALID} for an unknown user or one named
     *     with another account's hash, an unknown basic group, or any other form;
     *     {@code 403 CHAT_WRITE_FORBIDDEN} for a basic group the caller is not in; the errors of
     *     {@link ChannelAccess#channel} for channels
     */
    public Destination resolve(Account viewer, InputPeer peer, String method) {
        if (peer instanceof InputPeerSelf) {
            return new Destination.ToUser(viewer);
        }
        if (peer instanceof InputPeerUser u) {
            return accounts.byId(u.userId()).filter(a -> accessHashes.matches(viewer.id(), a.id(), u.accessHash()))
                    .map(Destination.ToUser::new).orElseThrow(() -> WorldErrors.of(400, "PEER_ID_INVALID", method));
        }
        if (peer instanceof InputPeerChat c) {
            WorldChat chat = chats.group(c.chatId()).orElseThrow(() -> WorldErrors.of(400, "PEER_ID_INVALID", method));
            if (!chat.isMember(viewer.id())) {
                throw WorldErrors.of(403, "CHAT_WRITE_FORBIDDEN", method);
            }
            return new Destination.ToChat(chat);
        }
        if (peer instanceof InputPeerChannel c) {
            return new Destination.ToChat(channels.channel(viewer, new InputChannel(c.channelId(), c.accessHash()), method));
        }
        throw WorldErrors.of(400, "PEER_ID_INVALID", method);
    }

    /**
     * @param viewer the caller
     * @param user a user as the caller names it
     * @param method the TL name of the function, for errors
     * @return the account
     * @throws dev.mtproto.rpc.RpcException {@code 400 PEER_ID_INVALID} for an unknown user or another account's hash
     */
    public Account user(Account viewer, dev.mtproto.tl.api.InputUserType user, String method) {
        if (user instanceof dev.mtproto.tl.api.InputUserSelf) {
            return viewer;
        }
        if (user instanceof dev.mtproto.tl.api.InputUser u && resolve(viewer, new InputPeerUser(u.userId(), u.accessHash()), method)
                instanceof Destination.ToUser to) {
            return to.user();
        }
        throw WorldErrors.of(400, "PEER_ID_INVALID", method);
    }

    /**
     * @param peer a peer as a client names it
     * @param viewer the caller
     * @return the id of the user or chat named, 0 for {@code inputPeerEmpty}
     */
    static long idOf(InputPeer peer, Account viewer) {
        if (peer instanceof InputPeerUser u) {
            return u.userId();
        } else if (peer instanceof InputPeerChat ch) {
            return ch.chatId();
        } else if (peer instanceof InputPeerChannel ch) {
            return ch.channelId();
        }
        return peer instanceof InputPeerSelf ? viewer.id() : 0;
    }
}
