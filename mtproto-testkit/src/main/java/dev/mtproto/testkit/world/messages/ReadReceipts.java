package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateReadChannelInbox;
import dev.mtproto.tl.api.UpdateReadChannelOutbox;
import dev.mtproto.tl.api.UpdateReadHistoryInbox;
import dev.mtproto.tl.api.UpdateReadHistoryOutbox;
import dev.mtproto.tl.api.messages.AffectedMessages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read acknowledgements (https://core.telegram.org/api/updates, https://core.telegram.org/method/messages.readHistory,
 * https://core.telegram.org/method/channels.readHistory). Reading up to {@code max_id} (0: everything) moves the
 * reader's read-inbox mark; a mark that does not move changes nothing ({@code pts_count} 0).
 *
 * <p>A private chat or basic group: the reader's box moves by one pts event, {@code updateReadHistoryInbox}
 * (with {@code still_unread_count}) goes to the reader's other keys, and each sender whose messages were read gets
 * {@code updateReadHistoryOutbox} (its own id of the last one read) as a pts event of its box. A supergroup: the
 * reader's other keys get {@code updateShort} [{@code updateReadChannelInbox}] with the channel's pts, each sender
 * read {@code updateShort} [{@code updateReadChannelOutbox}]; a broadcast channel tells no sender. Thread-safe:
 * under the sender's lock.
 */
final class ReadReceipts implements ReadMarks {
    /** A mark: an account's read position in one chat, as it names the chat. */
    private record Mark(long ownerId, Peer chat) {
    }

    private final Mailboxes boxes;
    private final MessageCopies copies;
    private final ChangeFanout fanout;
    private final Object lock;
    private final Map<Mark, Integer> inbox = new HashMap<>();
    private final Map<Mark, Integer> outbox = new HashMap<>();

    ReadReceipts(Mailboxes boxes, MessageCopies copies, ChangeFanout fanout, Object lock) {
        this.boxes = boxes;
        this.copies = copies;
        this.fanout = fanout;
        this.lock = lock;
    }

    /**
     * @param reader who reads
     * @param to a private chat or basic group
     * @param maxId the last message read (the reader's id), 0 for all
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the reader's pts and pts_count
     */
    AffectedMessages readCommon(Account reader, Destination to, int maxId, long via, int date) {
        synchronized (lock) {
            Peer peer = MessageTarget.peerOf(to);
            MessageBox box = boxes.account(reader.id()).common();
            int max = maxId <= 0 ? box.nextMessageId() - 1 : maxId;
            int prev = inbox.getOrDefault(new Mark(reader.id(), peer), 0);
            if (max <= prev) {
                return new AffectedMessages(box.pts(), 0);
            }
            inbox.put(new Mark(reader.id(), peer), max);
            Map<Long, Integer> readBySender = new HashMap<>();
            int stillUnread = 0;
            for (MessageBox.Stored s : box.messages().tailMap(prev, false).values()) {
                if (!(s.message() instanceof Message m) || m.out() || !peer.equals(m.peerId())) {
                    continue;
                }
                if (m.id() > max) {
                    stillUnread++;
                } else {
                    long sender = s.senderId();
                    copies.idFor(reader.id(), m.id(), sender).ifPresent(id -> readBySender.merge(sender, id, Math::max));
                }
            }
            int unread = stillUnread;
            var e = box.addEvent(1, pts -> new UpdateReadHistoryInbox(null, peer, null, max, unread, pts, 1), reader.id(), date);
            fanout.full(reader.id(), List.of(e.update()), null, via, date);
            readBySender.forEach((sender, id) -> {
                Peer asSenderSees = peer instanceof PeerUser ? new PeerUser(reader.id()) : peer;
                Mark mark = new Mark(sender, asSenderSees);
                if (id > outbox.getOrDefault(mark, 0)) {
                    outbox.put(mark, id);
                    var o = boxes.account(sender).common().addEvent(1, pts -> new UpdateReadHistoryOutbox(asSenderSees, id, pts, 1), reader.id(), date);
                    fanout.full(sender, List.of(o.update()), null, 0, date);
                }
            });
            return new AffectedMessages(e.pts(), 1);
        }
    }

    /**
     * @param reader who reads
     * @param chat a supergroup or channel
     * @param maxId the last message read, 0 for all
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     */
    void readChannel(Account reader, WorldChat chat, int maxId, long via, int date) {
        synchronized (lock) {
            MessageBox box = boxes.channel(chat.id());
            int max = maxId <= 0 ? box.nextMessageId() - 1 : maxId;
            Mark mark = new Mark(reader.id(), MessageObjects.peerOf(chat));
            int prev = inbox.getOrDefault(mark, 0);
            if (max <= prev) {
                return;
            }
            inbox.put(mark, max);
            int stillUnread = 0;
            Map<Long, Integer> readBySender = new HashMap<>();
            for (Map.Entry<Integer, MessageBox.Stored> s : box.messages().tailMap(prev, false).entrySet()) {
                if (s.getValue().senderId() == reader.id() || !(s.getValue().message() instanceof Message)) {
                    continue;
                }
                if (s.getKey() > max) {
                    stillUnread++;
                } else {
                    readBySender.merge(s.getValue().senderId(), s.getKey(), Math::max);
                }
            }
            fanout.small(reader.id(), new UpdateReadChannelInbox(null, chat.id(), max, stillUnread, box.pts()), via, date);
            if (chat.kind() == ChatKind.SUPERGROUP) {
                readBySender.keySet().forEach(sender -> fanout.small(sender, new UpdateReadChannelOutbox(chat.id(), max), 0, date));
            }
        }
    }

    @Override
    public int inboxMax(long ownerId, Peer chat) {
        synchronized (lock) {
            return inbox.getOrDefault(new Mark(ownerId, chat), 0);
        }
    }

    /**
     * {@inheritDoc} In a private chat or basic group, the last one a reader's {@code updateReadHistoryOutbox} named; in a
     * supergroup or channel, the furthest another member has read, if one of the owner's messages lies at or below it.
     */
    @Override
    public int outboxMax(long ownerId, Peer chat) {
        synchronized (lock) {
            if (!(chat instanceof PeerChannel channel)) {
                return outbox.getOrDefault(new Mark(ownerId, chat), 0);
            }
            int furthest = 0;
            for (Map.Entry<Mark, Integer> e : inbox.entrySet()) {
                if (e.getKey().ownerId() != ownerId && chat.equals(e.getKey().chat())) {
                    furthest = Math.max(furthest, e.getValue());
                }
            }
            MessageBox box = boxes.channel(channel.channelId());
            for (Map.Entry<Integer, MessageBox.Stored> s : box.messages().headMap(furthest, true).descendingMap().entrySet()) {
                if (s.getValue().senderId() == ownerId) {
                    return s.getKey();
                }
            }
            return 0;
        }
    }
}
