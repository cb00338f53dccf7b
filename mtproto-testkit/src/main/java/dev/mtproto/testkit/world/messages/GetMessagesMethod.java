package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.ChannelAccess;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.InputMessage;
import dev.mtproto.tl.api.InputMessageID;
import dev.mtproto.tl.api.MessageEmpty;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.GetMessages;
import dev.mtproto.tl.api.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messages.getMessages} (https://core.telegram.org/method/messages.getMessages: messages of the
 * caller's private chats and basic groups, by the caller's ids) and {@code channels.getMessages}
 * (https://core.telegram.org/method/channels.getMessages: a supergroup's or channel's, by its ids): each as it
 * is now (with the media's current file references, https://core.telegram.org/api/file_reference), a
 * {@code messageEmpty} for an id with no message. Only {@code inputMessageID} is modelled: another form finds
 * nothing ({@code messageEmpty}).
 */
public final class GetMessagesMethod {
    /** The most ids one call takes. */
    static final int MAX_IDS = 200;

    private final Mailboxes boxes;
    private final ChannelAccess channels;
    private final EntryPeers entryPeers;

    /**
     * @param boxes the message boxes
     * @param channels reads the channel named
     * @param entryPeers finds the users and chats of an answer
     */
    public GetMessagesMethod(Mailboxes boxes, ChannelAccess channels, EntryPeers entryPeers) {
        this.boxes = boxes;
        this.channels = channels;
        this.entryPeers = entryPeers;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetMessages.class, this::getMessages);
        handlers.on(dev.mtproto.tl.api.channels.GetMessages.class, this::getChannelMessages);
    }

    private Object getMessages(GetMessages m, Caller c) {
        Account viewer = c.account();
        List<MessageType> found = find(boxes.account(viewer.id()).common(), m.id(), viewer, false, m.tlName());
        EntryPeers.Peers p = entryPeers.of(viewer, existing(found), 0, List.of(), (int) c.nowSeconds());
        return new Messages(found, List.of(), p.chats(), p.users());
    }

    private Object getChannelMessages(dev.mtproto.tl.api.channels.GetMessages m, Caller c) {
        Account viewer = c.account();
        WorldChat channel = channels.channel(viewer, m.channel(), m.tlName());
        MessageBox box = boxes.channel(channel.id());
        List<MessageType> found = find(box, m.id(), viewer, true, m.tlName());
        EntryPeers.Peers p = entryPeers.of(viewer, existing(found), channel.id(), List.of(), (int) c.nowSeconds());
        return new ChannelMessages(false, box.pts(), found.size(), null, found, List.of(), p.chats(), p.users());
    }

    /** @return the messages found, without the {@code messageEmpty}s, which name no peer */
    private static List<MessageType> existing(List<MessageType> found) {
        return found.stream().filter(m -> !(m instanceof MessageEmpty)).toList();
    }

    private static List<MessageType> find(MessageBox box, List<InputMessage> ids, Account viewer, boolean channel, String method) {
        if (ids.size() > MAX_IDS) {
            throw WorldErrors.of(400, "LIMIT_INVALID", method);
        }
        List<MessageType> out = new ArrayList<>();
        for (InputMessage input : ids) {
            int id = input instanceof InputMessageID i ? i.id() : 0;
            out.add(box.message(id).map(s -> channel ? MessageObjects.withOut(s.message(), s.senderId() == viewer.id()) : s.message())
                    .orElse(new MessageEmpty(id, null)));
        }
        return out;
    }
}
