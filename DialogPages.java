package dev.mtproto.telegram;

import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.DialogType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.messages.Dialogs;
import dev.mtproto.tl.api.messages.DialogsSlice;
import dev.mtproto.tl.api.messages.DialogsType;
import dev.mtproto.tl.api.messages.GetDialogs;
import dev.mtproto.updates.IncomingUpdate;
import dev.mtproto.updates.UpdateOrigin;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The account's chat list, newest first, a page at a time with {@code messages.getDialogs}: each page starts
 * after the last dialog of the one before, named by its top message's date and id and its peer
 * (https://core.telegram.org/api/offsets); the end is an empty page or a complete {@code messages.dialogs}.
 * Not thread-safe; blocks the iterating thread while a page is fetched.
 */
final class DialogPages implements Iterator<DialogView> {
    static final int PAGE = 100;

    private final TelegramClient client;
    private final ArrayDeque<DialogView> page = new ArrayDeque<>();
    private int offsetDate;
    private int offsetId;
    private InputPeer offsetPeer = InputPeerEmpty.INSTANCE;
    private boolean end;

    DialogPages(TelegramClient client) {
        this.client = client;
    }

    @Override
    public boolean hasNext() {
        if (page.isEmpty() && !end) {
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public DialogView next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more dialogs");
        }
        return page.poll();
    }

    private void fetch() {
        DialogsType answer = client.raw().invoke(new GetDialogs(false, null, offsetDate, offsetId, offsetPeer, PAGE, 0)).join();
        List<DialogType> dialogs;
        List<MessageType> messages;
        List<ChatType> chats;
        List<UserType> users;
        boolean complete;
        if (answer instanceof Dialogs d) {
            dialogs = d.dialogs();
            messages = d.messages();
            chats = d.chats();
            users = d.users();
            complete = true;
        } else if (answer instanceof DialogsSlice s) {
            dialogs = s.dialogs();
            messages = s.messages();
            chats = s.chats();
            users = s.users();
            complete = false;
        } else {
            end = true;
            return;
        }
        Dialog last = null;
        Message lastMessage = null;
        for (DialogType t : dialogs) {
            if (!(t instanceof Dialog d)) {
                continue; // folders
            }
            Message top = topMessage(d, messages);
            ChatRef chat = chatOf(d.peer(), chats, users);
            Optional<MessageView> view = Optional.ofNullable(top).map(m -> new MessageView(m,
                    new IncomingUpdate(new UpdateNewMessage(m, 0, 0), users, chats, UpdateOrigin.HISTORY, chat.markedId()), client));
            page.add(new DialogView(chat, d.unreadCount(), view, d));
            last = d;
            lastMessage = top;
        }
        if (last == null || complete) {
            end = true;
            return;
        }
        offsetId = last.topMessage();
        offsetDate = lastMessage == null ? 0 : lastMessage.date();
        offsetPeer = inputPeer(last.peer(), chats, users);
    }

    private static Message topMessage(Dialog d, List<MessageType> messages) {
        for (MessageType m : messages) {
            if (m instanceof Message x && x.id() == d.topMessage() && x.peerId().equals(d.peer())) {
                return x;
            }
        }
        return null;
    }

    private static ChatRef chatOf(Peer peer, List<ChatType> chats, List<UserType> users) {
        if (peer instanceof PeerUser u) {
            Optional<String> name = users.stream().filter(x -> x instanceof User y && y.id() == u.userId())
                    .map(x -> ((User) x).firstName()).findFirst();
            return new ChatRef(ChatKind.PRIVATE, u.userId(), name);
        } else if (peer instanceof PeerChat c) {
            Optional<String> title = chats.stream().filter(x -> x instanceof Chat y && y.id() == c.chatId()).map(x -> ((Chat) x).title()).findFirst();
            return new ChatRef(ChatKind.GROUP, c.chatId(), title);
        }
        long id = ((PeerChannel) peer).channelId();
        Optional<Channel> channel = chats.stream().filter(x -> x instanceof Channel y && y.id() == id).map(x -> (Channel) x).findFirst();
        return new ChatRef(channel.map(Channel::broadcast).orElse(false) ? ChatKind.CHANNEL : ChatKind.SUPERGROUP, id, channel.map(Channel::title));
    }

    private static InputPeer inputPeer(Peer peer, List<ChatType> chats, List<UserType> users) {
        if (peer instanceof PeerUser u) {
            return users.stream().filter(x -> x instanceof User y && y.id() == u.userId()).findFirst()
                    .map(x -> (InputPeer) new InputPeerUser(u.userId(), ((User) x).accessHash() == null ? 0 : ((User) x).accessHash()))
                    .orElse(InputPeerEmpty.INSTANCE);
        } else if (peer instanceof PeerChat c) {
            return new InputPeerChat(c.chatId());
        }
        long id = ((PeerChannel) peer).channelId();
        return chats.stream().filter(x -> x instanceof Channel y && y.id() == id).findFirst()
                .map(x -> (InputPeer) new InputPeerChannel(id, ((Channel) x).accessHash() == null ? 0 : ((Channel) x).accessHash()))
                .orElse(InputPeerEmpty.INSTANCE);
    }
}
