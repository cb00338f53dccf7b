package dev.mtproto.telegram;

import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import java.util.List;
import java.util.Optional;

/**
 * The users and chats an answer carried, to name its peers: as {@link ChatRef}s and, for the next page's
 * offset, as input peers with the access hashes the answer gave.
 *
 * @param users the answer's users
 * @param chats the answer's chats and channels
 */
record AnswerPeers(List<UserType> users, List<ChatType> chats) {

    /** Copies the lists. */
    AnswerPeers {
        users = List.copyOf(users);
        chats = List.copyOf(chats);
    }

    Optional<User> user(long id) {
        return users.stream().filter(x -> x instanceof User y && y.id() == id).map(User.class::cast).findFirst();
    }

    private Optional<Channel> channel(long id) {
        return chats.stream().filter(x -> x instanceof Channel y && y.id() == id).map(Channel.class::cast).findFirst();
    }

    /** @param peer a peer the answer names @return it as a chat, with its title (a user's first name) when the answer had it */
    ChatRef chatOf(Peer peer) {
        if (peer instanceof PeerUser u) {
            return new ChatRef(ChatKind.PRIVATE, u.userId(), user(u.userId()).map(User::firstName));
        } else if (peer instanceof PeerChat c) {
            Optional<String> title = chats.stream().filter(x -> x instanceof Chat y && y.id() == c.chatId()).map(x -> ((Chat) x).title()).findFirst();
            return new ChatRef(ChatKind.GROUP, c.chatId(), title);
        }
        long id = ((PeerChannel) peer).channelId();
        Optional<Channel> channel = channel(id);
        return new ChatRef(channel.map(Channel::broadcast).orElse(false) ? ChatKind.CHANNEL : ChatKind.SUPERGROUP, id, channel.map(Channel::title));
    }

    /** @param peer a peer the answer names @return it as an input peer, {@code inputPeerEmpty} if the answer lacks it */
    InputPeer inputPeer(Peer peer) {
        if (peer instanceof PeerUser u) {
            return user(u.userId()).map(x -> (InputPeer) new InputPeerUser(u.userId(), x.accessHash() == null ? 0 : x.accessHash()))
                    .orElse(InputPeerEmpty.INSTANCE);
        } else if (peer instanceof PeerChat c) {
            return new InputPeerChat(c.chatId());
        }
        long id = ((PeerChannel) peer).channelId();
        return channel(id).map(x -> (InputPeer) new InputPeerChannel(id, x.accessHash() == null ? 0 : x.accessHash())).orElse(InputPeerEmpty.INSTANCE);
    }
}
