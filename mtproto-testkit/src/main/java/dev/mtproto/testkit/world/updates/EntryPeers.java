package dev.mtproto.testkit.world.updates;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.chats.ChatObjects;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UserType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users and chats an answer with messages must carry (https://core.telegram.org/api/peers): every
 * sender and every chat the messages name, as the viewer sees them, with the viewer's access hashes.
 */
public final class EntryPeers {
    /**
     * The users and chats of one answer.
     *
     * @param users the {@code user}s
     * @param chats the {@code chat}s and {@code channel}s
     */
    public record Peers(List<UserType> users, List<ChatType> chats) {
    }

    private final Accounts accounts;
    private final UserObjects users;
    private final Chats chats;
    private final ChatObjects chatObjects;

    /**
     * @param accounts the world's accounts
     * @param users how users look
     * @param chats the world's chats
     * @param chatObjects how chats look
     */
    public EntryPeers(Accounts accounts, UserObjects users, Chats chats, ChatObjects chatObjects) {
        this.accounts = accounts;
        this.users = users;
        this.chats = chats;
        this.chatObjects = chatObjects;
    }

    /**
     * @param viewer the account the answer is for
     * @param messages the messages of the answer
     * @param extraChatId a chat the answer is about (the channel of a channel difference), 0 for none
     * @param extraUserIds users other updates of the answer name
     * @param nowSeconds the world's time
     * @return the users and chats the messages name
     */
    public Peers of(Account viewer, Collection<MessageType> messages, long extraChatId, Collection<Long> extraUserIds, int nowSeconds) {
        Set<Long> userIds = new LinkedHashSet<>(extraUserIds);
        Set<Long> chatIds = new LinkedHashSet<>();
        if (extraChatId != 0) {
            chatIds.add(extraChatId);
        }
        for (MessageType m : messages) {
            Peer peer = m instanceof Message msg ? msg.peerId() : ((MessageService) m).peerId();
            Peer from = m instanceof Message msg ? msg.fromId() : ((MessageService) m).fromId();
            add(peer, userIds, chatIds);
            if (from != null) {
                add(from, userIds, chatIds);
            }
        }
        List<UserType> u = new ArrayList<>();
        for (long id : userIds) {
            accounts.byId(id).ifPresent(a -> u.add(users.seenBy(viewer, a, false, nowSeconds)));
        }
        List<ChatType> c = new ArrayList<>();
        for (long id : chatIds) {
            chats.byId(id).ifPresent(chat -> c.add(chatObjects.seenBy(viewer.id(), chat)));
        }
        return new Peers(u, c);
    }

    private static void add(Peer peer, Set<Long> userIds, Set<Long> chatIds) {
        if (peer instanceof PeerUser p) {
            userIds.add(p.userId());
        } else if (peer instanceof PeerChat p) {
            chatIds.add(p.chatId());
        } else if (peer instanceof PeerChannel p) {
            chatIds.add(p.channelId());
        }
    }
}
