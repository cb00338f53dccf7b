package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.BoxEntry;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.UpdateDeleteChannelMessages;
import dev.mtproto.tl.api.UpdateDeleteMessages;
import dev.mtproto.tl.api.messages.AffectedMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletions (https://core.telegram.org/method/messages.deleteMessages,
 * https://core.telegram.org/method/channels.deleteMessages). {@code messages.deleteMessages} deletes the
 * caller's copies of common-box messages, and with {@code revoke} every copy (anyone's message in a private
 * chat; one's own, or anyone's for the group's creator, in a basic group, else
 * {@code 403 MESSAGE_DELETE_FORBIDDEN}); each owner's box moves by the number it lost and the owner gets
 * {@code updateShort} [{@code updateDeleteMessages}] with its own ids. {@code channels.deleteMessages}
 * deletes a supergroup's or channel's messages (one's own, or any for an admin; else
 * {@code MESSAGE_DELETE_FORBIDDEN}): every member gets {@code updates} [{@code updateDeleteChannelMessages}]
 * with the channel's pts. Both answer {@code messages.affectedMessages} (the caller's pts and pts_count);
 * ids that do not exist are left out. Thread-safe, under the sender's lock.
 */
final class MessageDeletions {
    private final Mailboxes boxes;
    private final MessageCopies copies;
    private final ChangeFanout fanout;
    private final Object lock;

    MessageDeletions(Mailboxes boxes, MessageCopies copies, ChangeFanout fanout, Object lock) {
        this.boxes = boxes;
        this.copies = copies;
        this.fanout = fanout;
        this.lock = lock;
    }

    AffectedMessages deleteCommon(Account caller, List<Integer> ids, boolean revoke, WorldChatLookup groups, long via, int date,
            String method) {
        synchronized (lock) {
            MessageBox mine = boxes.account(caller.id()).common();
            Map<Long, List<Integer>> byOwner = new LinkedHashMap<>();
            byOwner.put(caller.id(), new ArrayList<>());
            for (int id : ids) {
                MessageBox.Stored s = mine.message(id).orElse(null);
                if (s == null) {
                    continue;
                }
                if (!revoke) {
                    byOwner.get(caller.id()).add(id);
                    continue;
                }
                if (MessageObjects.peerIdOf(s.message()) instanceof PeerChat pc && s.senderId() != caller.id()
                        && groups.creatorOf(pc.chatId()) != caller.id()) {
                    throw WorldErrors.of(403, "MESSAGE_DELETE_FORBIDDEN", method);
                }
                copies.of(caller.id(), id).forEach((owner, ownId) -> byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(ownId));
            }
            AffectedMessages result = null;
            for (Map.Entry<Long, List<Integer>> e : byOwner.entrySet()) {
                MessageBox box = boxes.account(e.getKey()).common();
                List<Integer> gone = e.getValue().stream().filter(box::remove).toList();
                boolean isCaller = e.getKey() == caller.id();
                if (gone.isEmpty()) {
                    result = isCaller ? new AffectedMessages(box.pts(), 0) : result;
                    continue;
                }
                BoxEntry ev = box.addEvent(gone.size(), pts -> new UpdateDeleteMessages(gone, pts, gone.size()), caller.id(), date);
                fanout.small(e.getKey(), ev.update(), isCaller ? via : 0, date);
                result = isCaller ? new AffectedMessages(ev.pts(), ev.ptsCount()) : result;
            }
            return result;
        }
    }

    AffectedMessages deleteChannel(Account caller, WorldChat chat, List<Integer> ids, long via, int date, String method) {
        synchronized (lock) {
            MessageBox box = boxes.channel(chat.id());
            boolean admin = chat.admins().contains(caller.id());
            List<Integer> gone = new ArrayList<>();
            for (int id : ids) {
                MessageBox.Stored s = box.message(id).orElse(null);
                if (s != null && s.senderId() != caller.id() && !admin) {
                    throw WorldErrors.of(403, "MESSAGE_DELETE_FORBIDDEN", method);
                }
                if (s != null && box.remove(id)) {
                    gone.add(id);
                }
            }
            if (gone.isEmpty()) {
                return new AffectedMessages(box.pts(), 0);
            }
            BoxEntry ev = box.addEvent(gone.size(), pts -> new UpdateDeleteChannelMessages(chat.id(), gone, pts, gone.size()), caller.id(), date);
            for (long member : chat.members()) {
                fanout.full(member, List.of(ev.update()), chat, member == caller.id() ? via : 0, date);
            }
            return new AffectedMessages(ev.pts(), ev.ptsCount());
        }
    }

    /** Finds a basic group's creator. */
    interface WorldChatLookup {
        /**
         * @param chatId a basic group
         * @return its creator's id, 0 if unknown
         */
        long creatorOf(long chatId);
    }
}
