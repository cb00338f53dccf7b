package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.messages.GetHistory;
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
    public static final int MAX_LIMIT = MessageWindow.MAX_LIMIT;

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
        ChatHistory history = ChatHistory.of(viewer, to, boxes);
        List<MessageType> page = new MessageWindow(m.offsetId(), m.offsetDate(), m.addOffset(), m.limit(), m.maxId(), m.minId())
                .page(history.newestFirst());
        return history.answer(viewer, page, history.newestFirst().size(), entryPeers, (int) c.nowSeconds());
    }
}
