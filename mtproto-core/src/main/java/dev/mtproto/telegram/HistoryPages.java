package dev.mtproto.telegram;

import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.GetHistory;
import dev.mtproto.tl.api.messages.MessagesSlice;
import dev.mtproto.tl.api.messages.MessagesType;
import dev.mtproto.updates.IncomingUpdate;
import dev.mtproto.updates.UpdateOrigin;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A chat's history, newest first, fetched a page at a time with {@code messages.getHistory} as the iteration
 * reaches it (https://core.telegram.org/api/offsets: each page starts below the last message of the one
 * before); the end is an empty page or a complete {@code messages.messages}. Flood waits are waited out by the
 * client's interceptors. Not thread-safe; blocks the iterating thread while a page is fetched.
 */
final class HistoryPages implements Iterator<MessageView> {
    static final int PAGE = 100;

    private final TelegramClient client;
    private final InputPeer peer;
    private final ArrayDeque<MessageView> page = new ArrayDeque<>();
    private int offsetId;
    private boolean end;

    HistoryPages(TelegramClient client, InputPeer peer) {
        this.client = client;
        this.peer = peer;
    }

    @Override
    public boolean hasNext() {
        if (page.isEmpty() && !end) {
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public MessageView next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the history has no more messages");
        }
        return page.poll();
    }

    private void fetch() {
        MessagesType answer = client.raw().invoke(new GetHistory(peer, offsetId, 0, 0, PAGE, 0, 0, 0)).join();
        List<MessageType> messages;
        List<UserType> users;
        List<ChatType> chats;
        boolean complete;
        if (answer instanceof dev.mtproto.tl.api.messages.Messages m) {
            messages = m.messages();
            users = m.users();
            chats = m.chats();
            complete = true;
        } else if (answer instanceof MessagesSlice s) {
            messages = s.messages();
            users = s.users();
            chats = s.chats();
            complete = false;
        } else if (answer instanceof ChannelMessages c) {
            messages = c.messages();
            users = c.users();
            chats = c.chats();
            complete = false;
        } else {
            end = true; // messagesNotModified: we sent no hash, so nothing more
            return;
        }
        for (MessageType m : messages) {
            if (m instanceof Message msg) {
                IncomingUpdate in = new IncomingUpdate(new UpdateNewMessage(msg, 0, 0), users, chats, UpdateOrigin.HISTORY,
                        dev.mtproto.peers.MarkedIds.of(msg.peerId()));
                page.add(new MessageView(msg, in, client));
            }
            offsetId = m.id();
        }
        end = complete || messages.isEmpty();
    }
}
