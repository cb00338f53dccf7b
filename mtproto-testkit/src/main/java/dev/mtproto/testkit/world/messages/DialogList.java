package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's dialogs as they are now, newest top message first: one per private chat and basic group with a
 * message in its common box, one per supergroup or channel it is a member of whose box has a message; each with the
 * account's read marks and its count of messages from others above the inbox mark (service messages not counted,
 * as {@code updateReadHistoryInbox}'s {@code still_unread_count} does not count them either).
 */
final class DialogList {
    /**
     * One dialog.
     *
     * @param peer the chat, as the account names it
     * @param top its newest message, as the account sees it
     * @param channelPts the channel's pts, null for the common box
     * @param read the account's read marks there and what lies above its inbox mark
     */
    record Row(Peer peer, MessageType top, Integer channelPts, ReadState read) {
        int date() {
            return top instanceof Message m ? m.date() : ((MessageService) top).date();
        }

        int topId() {
            return MessageObjects.idOf(top);
        }

        /** @return the position key: newest first; within a second, common-box chats before channels, then by top id and peer id */
        Position position() {
            return new Position(date(), peer instanceof PeerChannel ? 1 : 0, topId(), peerId(peer));
        }
    }

    /**
     * An account's read state in one dialog.
     *
     * @param inboxMax the last message it read
     * @param outboxMax the last of its own messages someone else read
     * @param unread how many messages from others lie above {@code inboxMax}
     */
    record ReadState(int inboxMax, int outboxMax, int unread) {
    }

    /**
     * Where a dialog stands in the list; a smaller one stands further down (older).
     *
     * @param date the top message's date
     * @param rank 0 for a private chat or basic group, 1 for a channel
     * @param topId the top message's id
     * @param peerId the chat's or user's id
     */
    record Position(int date, int rank, int topId, long peerId) {
        static final Comparator<Position> NEWEST_FIRST = Comparator.comparingInt(Position::date).thenComparing(p -> -p.rank())
                .thenComparingInt(Position::topId).thenComparingLong(Position::peerId).reversed();
    }

    private DialogList() {
    }

    static long peerId(Peer peer) {
        if (peer instanceof PeerUser u) {
            return u.userId();
        }
        return peer instanceof PeerChat c ? c.chatId() : ((PeerChannel) peer).channelId();
    }

    /**
     * @param viewer the account
     * @param boxes the boxes
     * @param chats the chats
     * @param marks the read marks
     * @return its dialogs, newest first
     */
    static List<Row> of(Account viewer, Mailboxes boxes, Chats chats, ReadMarks marks) {
        Map<Peer, MessageType> tops = new LinkedHashMap<>();
        Map<Peer, Integer> unread = new HashMap<>();
        for (MessageBox.Stored s : boxes.account(viewer.id()).common().messages().values()) {
            Peer peer = MessageObjects.peerIdOf(s.message());
            tops.put(peer, s.message());
            if (s.message() instanceof Message m && !m.out() && m.id() > marks.inboxMax(viewer.id(), peer)) {
                unread.merge(peer, 1, Integer::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        tops.forEach((peer, top) -> rows.add(new Row(peer, top, null, new ReadState(marks.inboxMax(viewer.id(), peer),
                marks.outboxMax(viewer.id(), peer), unread.getOrDefault(peer, 0)))));
        for (WorldChat chat : chats.ofMember(viewer.id())) {
            if (!chat.isChannel()) {
                continue;
            }
            MessageBox box = boxes.channel(chat.id());
            var last = box.messages().lastEntry();
            if (last != null) {
                MessageType top = MessageObjects.withOut(last.getValue().message(), last.getValue().senderId() == viewer.id());
                PeerChannel peer = new PeerChannel(chat.id());
                rows.add(new Row(peer, top, box.pts(), channelReadState(viewer, box, peer, marks)));
            }
        }
        rows.sort(Comparator.comparing(Row::position, Position.NEWEST_FIRST));
        return rows;
    }

    private static ReadState channelReadState(Account viewer, MessageBox box, PeerChannel peer, ReadMarks marks) {
        int inboxMax = marks.inboxMax(viewer.id(), peer);
        int unread = 0;
        for (MessageBox.Stored s : box.messages().tailMap(inboxMax, false).values()) {
            if (s.senderId() != viewer.id() && s.message() instanceof Message) {
                unread++;
            }
        }
        return new ReadState(inboxMax, marks.outboxMax(viewer.id(), peer), unread);
    }
}
