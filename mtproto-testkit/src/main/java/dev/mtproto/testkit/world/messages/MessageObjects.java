package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;

/**
 * Text messages as their owners see them (https://core.telegram.org/constructor/message): {@code out} for
 * the sender's copy; {@code peer_id} the chat as the owner names it (in a private chat, the other side);
 * {@code from_id} the sender in groups and supergroups, absent in private chats (the peer is the sender)
 * and in broadcast channels, whose messages are {@code post}s.
 */
final class MessageObjects {
    private MessageObjects() {
    }

    /**
     * @param id the message id in the owner's box
     * @param out whether the owner sent it
     * @param otherSide the other side of the private chat, as the owner sees it
     * @param draft the text and reply markup
     * @param date when
     * @return the message
     */
    static MessageType privateMessage(int id, boolean out, long otherSide, Draft draft, int date) {
        return Message.builder().out(out).id(id).peerId(new PeerUser(otherSide)).date(date).message(draft.text())
                .replyMarkup(draft.markup()).build();
    }

    /**
     * @param id the message id (in the owner's box for a basic group, the channel's for a channel)
     * @param out whether the owner sent it
     * @param chat the chat
     * @param senderId who sent it
     * @param draft the text and reply markup
     * @param date when
     * @return the message
     */
    static MessageType chatMessage(int id, boolean out, WorldChat chat, long senderId, Draft draft, int date) {
        Message.Builder m = Message.builder().out(out).id(id).peerId(peerOf(chat)).date(date).message(draft.text())
                .replyMarkup(draft.markup());
        if (chat.kind() == ChatKind.CHANNEL) {
            m.post(true);
        } else {
            m.fromId(new PeerUser(senderId));
        }
        return m.build();
    }

    /**
     * @param message a message
     * @param out whether the viewer sent it
     * @return it with {@code out} as the viewer sees it
     */
    static MessageType withOut(MessageType message, boolean out) {
        Message m = (Message) message;
        return m.out() == out ? m : m.toBuilder().out(out).build();
    }

    /**
     * @param chat a chat
     * @return its {@code peerChat} or {@code peerChannel}
     */
    static Peer peerOf(WorldChat chat) {
        return chat.isChannel() ? new PeerChannel(chat.id()) : new PeerChat(chat.id());
    }
}
