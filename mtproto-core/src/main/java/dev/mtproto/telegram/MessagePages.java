package dev.mtproto.telegram;

import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import dev.mtproto.tl.api.messages.MessagesType;
import dev.mtproto.updates.IncomingUpdate;
import dev.mtproto.updates.UpdateOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Pages of messages, for every call answered with {@code messages.Messages} ({@code messages.getHistory},
 * {@code messages.search}, {@code messages.searchGlobal}): each answer unpacked once, its text messages made
 * views (service messages left out), and the next call built from where the page ended
 * (https://core.telegram.org/api/offsets). The end is an empty page, a complete {@code messages.messages} or
 * {@code messages.messagesNotModified}.
 */
final class MessagePages implements Pages.Source<MessageView> {
    /** How many messages each call asks for. */
    static final int PAGE = 100;

    /**
     * Where the previous page ended.
     *
     * @param last its last message (service messages too), null before the first page
     * @param nextRate the {@code next_rate} of a search slice, else the last message's date
     * @param lastPeer the last message's chat as an input peer (with the answer's access hash)
     */
    record Position(MessageType last, int nextRate, InputPeer lastPeer) {
        static final Position START = new Position(null, 0, InputPeerEmpty.INSTANCE);

        /** @return the last message's id, 0 before the first page */
        int offsetId() {
            return last == null ? 0 : last.id();
        }
    }

    private final TelegramClient client;
    private final Function<Position, TlMethod<MessagesType>> request;
    private Position position = Position.START;

    /**
     * @param client sends the calls and makes the views
     * @param request the call for the page after a position
     */
    MessagePages(TelegramClient client, Function<Position, TlMethod<MessagesType>> request) {
        this.client = client;
        this.request = request;
    }

    @Override
    public Pages.Page<MessageView> next() {
        MessagesType answer = client.raw().invoke(request.apply(position)).join();
        List<MessageType> messages;
        AnswerPeers peers;
        Integer nextRate = null;
        boolean complete = false;
        if (answer instanceof dev.mtproto.tl.api.messages.Messages m) {
            messages = m.messages();
            peers = new AnswerPeers(m.users(), m.chats());
            complete = true;
        } else if (answer instanceof MessagesSlice s) {
            messages = s.messages();
            peers = new AnswerPeers(s.users(), s.chats());
            nextRate = s.nextRate();
        } else if (answer instanceof ChannelMessages c) {
            messages = c.messages();
            peers = new AnswerPeers(c.users(), c.chats());
        } else {
            return new Pages.Page<>(List.of(), true); // messagesNotModified: we sent no hash
        }
        List<MessageView> views = new ArrayList<>();
        for (MessageType m : messages) {
            if (m instanceof Message msg) {
                views.add(view(msg, peers, client));
            }
        }
        if (!messages.isEmpty()) {
            MessageType last = messages.get(messages.size() - 1);
            int date = last instanceof Message msg ? msg.date() : ((dev.mtproto.tl.api.MessageService) last).date();
            position = new Position(last, nextRate != null ? nextRate : date, peers.inputPeer(last.peerId()));
        }
        return new Pages.Page<>(views, complete || messages.isEmpty());
    }

    /**
     * @param message a message an answer carried
     * @param peers the answer's users and chats
     * @param client the client
     * @return its view, as if it had come as an update from the history
     */
    static MessageView view(Message message, AnswerPeers peers, TelegramClient client) {
        IncomingUpdate in = new IncomingUpdate(new UpdateNewMessage(message, 0, 0), peers.users(), peers.chats(), UpdateOrigin.HISTORY,
                dev.mtproto.peers.MarkedIds.of(message.peerId()));
        return new MessageView(message, in, client);
    }
}
