package dev.mtproto.telegram;

import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.DialogType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.messages.Dialogs;
import dev.mtproto.tl.api.messages.DialogsSlice;
import dev.mtproto.tl.api.messages.DialogsType;
import dev.mtproto.tl.api.messages.GetDialogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account's chat list, newest first, a page at a time with {@code messages.getDialogs}: each page starts
 * after the last dialog of the one before, named by its top message's date and id and its peer
 * (https://core.telegram.org/api/offsets); the end is an empty page or a complete {@code messages.dialogs}.
 */
final class DialogPages implements Pages.Source<DialogView> {
    static final int PAGE = 100;

    private final TelegramClient client;
    private int offsetDate;
    private int offsetId;
    private InputPeer offsetPeer = InputPeerEmpty.INSTANCE;

    DialogPages(TelegramClient client) {
        this.client = client;
    }

    @Override
    public Pages.Page<DialogView> next() {
        DialogsType answer = client.raw().invoke(new GetDialogs(false, null, offsetDate, offsetId, offsetPeer, PAGE, 0)).join();
        List<DialogType> dialogs;
        List<MessageType> messages;
        AnswerPeers peers;
        boolean complete;
        if (answer instanceof Dialogs d) {
            dialogs = d.dialogs();
            messages = d.messages();
            peers = new AnswerPeers(d.users(), d.chats());
            complete = true;
        } else if (answer instanceof DialogsSlice s) {
            dialogs = s.dialogs();
            messages = s.messages();
            peers = new AnswerPeers(s.users(), s.chats());
            complete = false;
        } else {
            return new Pages.Page<>(List.of(), true);
        }
        List<DialogView> page = new ArrayList<>();
        Dialog last = null;
        Message lastMessage = null;
        for (DialogType t : dialogs) {
            if (!(t instanceof Dialog d)) {
                continue; // folders
            }
            Message top = topMessage(d, messages);
            Optional<MessageView> view = Optional.ofNullable(top).map(m -> MessagePages.view(m, peers, client));
            page.add(new DialogView(peers.chatOf(d.peer()), d.unreadCount(), view, d));
            last = d;
            lastMessage = top;
        }
        if (last != null) {
            offsetId = last.topMessage();
            offsetDate = lastMessage == null ? 0 : lastMessage.date();
            offsetPeer = peers.inputPeer(last.peer());
        }
        return new Pages.Page<>(page, complete || last == null);
    }

    private static Message topMessage(Dialog d, List<MessageType> messages) {
        for (MessageType m : messages) {
            if (m instanceof Message x && x.id() == d.topMessage() && x.peerId().equals(d.peer())) {
                return x;
            }
        }
        return null;
    }
}
