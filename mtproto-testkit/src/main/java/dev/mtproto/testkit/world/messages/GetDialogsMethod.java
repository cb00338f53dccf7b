package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.DialogType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerNotifySettings;
import dev.mtproto.tl.api.messages.Dialogs;
import dev.mtproto.tl.api.messages.DialogsSlice;
import dev.mtproto.tl.api.messages.GetDialogs;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messages.getDialogs} (https://core.telegram.org/method/messages.getDialogs,
 * https://core.telegram.org/api/offsets): the caller's chats, newest top message first ({@link DialogList}),
 * starting below the position {@code offset_date}, {@code offset_id} and {@code offset_peer} name (the top
 * message of the last dialog of the previous page), at most {@code limit} (1..100). The answer is
 * {@code messages.dialogs} when it holds every dialog, else {@code messages.dialogsSlice} with the total
 * {@code count}, each {@code dialog} with its top message (in {@code messages}) and a channel's pts, plus the
 * users and chats they name. Each dialog carries the caller's read marks ({@code read_inbox_max_id}, and
 * {@code read_outbox_max_id}: how far the others read the caller's messages) and {@code unread_count}, the messages from
 * others above the inbox mark; mentions, reactions and poll votes are not counted (0). No dialog is pinned or archived
 * ({@code folder_id} 1 is empty); {@code hash} is not looked at. Bots get {@code 400 BOT_METHOD_INVALID}
 * (from the access gate).
 */
public final class GetDialogsMethod {
    /** The most dialogs one call returns. */
    public static final int MAX_LIMIT = 100;

    private final Mailboxes boxes;
    private final Chats chats;
    private final EntryPeers entryPeers;
    private final ReadMarks marks;

    /**
     * @param boxes the message boxes
     * @param chats the chats
     * @param entryPeers finds the users and chats of an answer
     * @param marks the read marks
     */
    public GetDialogsMethod(Mailboxes boxes, Chats chats, EntryPeers entryPeers, ReadMarks marks) {
        this.boxes = boxes;
        this.chats = chats;
        this.entryPeers = entryPeers;
        this.marks = marks;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetDialogs.class, this::getDialogs);
    }

    private Object getDialogs(GetDialogs m, Caller c) {
        Account viewer = c.account();
        List<DialogList.Row> all = m.folderId() != null && m.folderId() == 1 ? List.of() : DialogList.of(viewer, boxes, chats, marks);
        int limit = Math.max(1, Math.min(MAX_LIMIT, m.limit()));
        List<DialogType> dialogs = new ArrayList<>();
        List<MessageType> messages = new ArrayList<>();
        for (DialogList.Row row : all) {
            if (dialogs.size() == limit) {
                break;
            }
            if (below(row, m, viewer)) {
                dialogs.add(dialog(row));
                messages.add(row.top());
            }
        }
        EntryPeers.Peers p = entryPeers.of(viewer, messages, 0, List.of(), (int) c.nowSeconds());
        if (dialogs.size() == all.size()) {
            return new Dialogs(dialogs, messages, p.chats(), p.users());
        }
        return new DialogsSlice(all.size(), dialogs, messages, p.chats(), p.users());
    }

    /** @return whether the dialog stands below the offset: its top message older, or as old and further down */
    private static boolean below(DialogList.Row row, GetDialogs m, Account viewer) {
        long peerId = InputPeers.idOf(m.offsetPeer(), viewer);
        if (m.offsetDate() <= 0 && m.offsetId() <= 0 && peerId == 0) {
            return true;
        }
        int date = m.offsetDate() > 0 ? m.offsetDate() : Integer.MAX_VALUE;
        if (row.date() != date) {
            return row.date() < date;
        }
        if (peerId == 0) {
            return m.offsetId() > 0 && row.topId() < m.offsetId();
        }
        int rank = m.offsetPeer() instanceof InputPeerChannel ? 1 : 0;
        DialogList.Position offset = new DialogList.Position(date, rank, m.offsetId(), peerId);
        return DialogList.Position.NEWEST_FIRST.compare(row.position(), offset) > 0;
    }

    private static Dialog dialog(DialogList.Row row) {
        return Dialog.builder().peer(row.peer()).topMessage(row.topId()).readInboxMaxId(row.read().inboxMax())
                .readOutboxMaxId(row.read().outboxMax()).unreadCount(row.read().unread()).unreadMentionsCount(0).unreadReactionsCount(0).unreadPollVotesCount(0)
                .notifySettings(PeerNotifySettings.builder().build()).pts(row.channelPts()).build();
    }
}
