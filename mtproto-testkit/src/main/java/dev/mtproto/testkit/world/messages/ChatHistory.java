package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat's messages as one viewer sees them, newest first: a private chat's or basic group's from the viewer's
 * own box, a channel's from the channel's (each marked {@code out} for its sender), or, for no chat, every
 * message of the viewer's own box (its private chats and basic groups).
 *
 * @param newestFirst the messages
 * @param channel the channel, null for the viewer's box
 * @param box the box they are in
 */
record ChatHistory(List<MessageType> newestFirst, WorldChat channel, MessageBox box) {

    /**
     * @param viewer who reads
     * @param to the chat, null for every private chat and basic group
     * @param boxes the boxes
     * @return its messages
     */
    static ChatHistory of(Account viewer, Destination to, Mailboxes boxes) {
        WorldChat channel = to instanceof Destination.ToChat chat && chat.chat().isChannel() ? chat.chat() : null;
        MessageBox box = channel != null ? boxes.channel(channel.id()) : boxes.account(viewer.id()).common();
        Peer peer = to == null ? null : to instanceof Destination.ToUser u ? new PeerUser(u.user().id())
                : MessageObjects.peerOf(((Destination.ToChat) to).chat());
        List<MessageType> all = new ArrayList<>();
        for (MessageBox.Stored e : box.messages().descendingMap().values()) {
            if (channel != null) {
                all.add(MessageObjects.withOut(e.message(), e.senderId() == viewer.id()));
            } else if (peer == null || peer.equals(MessageObjects.peerIdOf(e.message()))) {
                all.add(e.message());
            }
        }
        return new ChatHistory(all, channel, box);
    }

    /**
     * @param viewer who reads
     * @param page the messages answered
     * @param count how many there are in all
     * @param entryPeers finds the users and chats of the answer
     * @param now the world's time
     * @return {@code messages.channelMessages} (with the channel's pts) for a channel; else
     *     {@code messages.messages} when the page holds them all, or {@code messages.messagesSlice} with the count
     */
    Object answer(Account viewer, List<MessageType> page, int count, EntryPeers entryPeers, int now) {
        EntryPeers.Peers p = entryPeers.of(viewer, page, channel != null ? channel.id() : 0, List.of(), now);
        if (channel != null) {
            return new ChannelMessages(false, box.pts(), count, null, page, List.of(), p.chats(), p.users());
        }
        if (page.size() == count) {
            return new Messages(page, List.of(), p.chats(), p.users());
        }
        return new MessagesSlice(false, count, null, null, null, page, List.of(), p.chats(), p.users());
    }
}
