package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.GetHistory;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messages.getHistory} (https://core.telegram.org/method/messages.getHistory,
 * https://core.telegram.org/api/offsets): a chat's messages as the caller sees them, newest first, from
 * {@code offset_id} (or {@code offset_date}) moved by {@code add_offset}, at most {@code limit} (1..100),
 * within {@code min_id}..{@code max_id}. A private chat's or basic group's come from the caller's own box,
 * a channel's from the channel's. The answer is {@code messages.messages} when it holds the whole history,
 * else {@code messages.messagesSlice} with the total {@code count}; {@code messages.channelMessages} (with the
 * channel's pts) for channels. {@code hash} is not looked at.
 */
public final class GetHistoryMethod {
    /** The most messages one call returns. */
    public static final int MAX_LIMIT = 100;

    private final InputPeers peers;
    private final Mailboxes boxes;
    private final EntryPeers entryPeers;

    /**
     * @param peers reads the peer named
     * @param boxes the message boxes
     * @param entryPeers finds the users and chats of an answer
     */
    public GetHistoryMethod(InputPeers peers, Mailboxes boxes, EntryPeers entryPeers) {
        this.peers = peers;
        this.boxes = boxes;
        this.entryPeers = entryPeers;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetHistory.class, this::getHistory);
    }

    private Object getHistory(GetHistory m, Caller c) {
        Account viewer = c.account();
        Destination to = peers.resolve(viewer, m.peer(), c.call().method().tlName());
        List<MessageType> all = new ArrayList<>();
        WorldChat channel = to instanceof Destination.ToChat chat && chat.chat().isChannel() ? chat.chat() : null;
        MessageBox box = channel != null ? boxes.channel(channel.id()) : boxes.account(viewer.id()).common();
        Peer peer = to instanceof Destination.ToUser u ? new PeerUser(u.user().id()) : MessageObjects.peerOf(((Destination.ToChat) to).chat());
        for (MessageBox.Stored e : box.messages().descendingMap().values()) {
            if (channel != null) {
                all.add(MessageObjects.withOut(e.message(), e.senderId() == viewer.id()));
            } else if (peer.equals(peerOf(e.message()))) {
                all.add(e.message());
            }
        }
        List<MessageType> page = page(all, m);
        EntryPeers.Peers p = entryPeers.of(viewer, page, channel != null ? channel.id() : 0, List.of(), (int) c.nowSeconds());
        if (channel != null) {
            return new ChannelMessages(false, box.pts(), all.size(), null, page, List.of(), p.chats(), p.users());
        }
        if (page.size() == all.size()) {
            return new Messages(page, List.of(), p.chats(), p.users());
        }
        return new MessagesSlice(false, all.size(), null, null, null, page, List.of(), p.chats(), p.users());
    }

    /** https://core.telegram.org/api/offsets: the page of a newest-first list */
    private static List<MessageType> page(List<MessageType> newestFirst, GetHistory m) {
        int start = 0;
        while (start < newestFirst.size() && !before(newestFirst.get(start), m)) {
            start++;
        }
        start = Math.max(0, Math.min(newestFirst.size(), start + m.addOffset()));
        int limit = Math.max(1, Math.min(MAX_LIMIT, m.limit()));
        List<MessageType> out = new ArrayList<>();
        for (int i = start; i < newestFirst.size() && out.size() < limit; i++) {
            int id = idOf(newestFirst.get(i));
            if ((m.maxId() <= 0 || id < m.maxId()) && id > m.minId()) {
                out.add(newestFirst.get(i));
            }
        }
        return out;
    }

    /** @return whether the message comes before the offset: below {@code offset_id}, or older than {@code offset_date} */
    private static boolean before(MessageType message, GetHistory m) {
        if (m.offsetId() > 0) {
            return idOf(message) < m.offsetId();
        }
        return m.offsetDate() <= 0 || dateOf(message) < m.offsetDate();
    }

    private static int idOf(MessageType m) {
        return m instanceof Message msg ? msg.id() : ((MessageService) m).id();
    }

    private static int dateOf(MessageType m) {
        return m instanceof Message msg ? msg.date() : ((MessageService) m).date();
    }

    private static Peer peerOf(MessageType m) {
        return m instanceof Message msg ? msg.peerId() : ((MessageService) m).peerId();
    }
}
