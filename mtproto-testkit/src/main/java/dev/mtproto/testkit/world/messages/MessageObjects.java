package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageReplyHeader;
import dev.mtproto.tl.api.MessageService;
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
     * @param draft the text, entities, flags and reply markup
     * @param replyTo the id, in the owner's box, of the message it replies to; 0 for none
     * @param date when
     * @return the message
     */
    static MessageType privateMessage(int id, boolean out, long otherSide, Draft draft, int replyTo, int date) {
        return base(draft, replyTo).out(out).id(id).peerId(new PeerUser(otherSide)).date(date).build();
    }

    private static Message.Builder base(Draft draft, int replyTo) {
        return Message.builder().message(draft.text()).replyMarkup(draft.markup()).entities(draft.entitiesOrNull())
                .silent(draft.silent()).replyTo(replyHeader(replyTo)).fwdFrom(draft.fwdFrom()).viaBotId(draft.viaBotIdOrNull())
                .media(draft.hasMedia() ? draft.attachment().media() : null)
                .groupedId(draft.hasMedia() && draft.attachment().groupedId() != 0 ? draft.attachment().groupedId() : null);
    }

    /**
     * @param replyTo a message id, 0 for none
     * @return {@code messageReplyHeader} naming it, or null
     */
    static MessageReplyHeader replyHeader(int replyTo) {
        return replyTo == 0 ? null : MessageReplyHeader.builder().replyToMsgId(replyTo).build();
    }

    /**
     * @param id the message id (in the owner's box for a basic group, the channel's for a channel)
     * @param out whether the owner sent it
     * @param chat the chat
     * @param senderId who sent it
     * @param draft the text, entities, flags and reply markup
     * @param replyTo the id of the message it replies to (in the owner's box, or the channel's); 0 for none
     * @param date when
     * @return the message
     */
    static MessageType chatMessage(int id, boolean out, WorldChat chat, long senderId, Draft draft, int replyTo, int date) {
        Message.Builder m = base(draft, replyTo).out(out).id(id).peerId(peerOf(chat)).date(date);
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
        if (message instanceof MessageService s) {
            return s.out() == out ? s : s.toBuilder().out(out).build();
        }
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

    /**
     * @param message a message or service message
     * @return its {@code peer_id}
     */
    static Peer peerIdOf(MessageType message) {
        return message instanceof Message m ? m.peerId() : ((MessageService) message).peerId();
    }

    /**
     * @param message a message or service message
     * @return its id
     */
    static int idOf(MessageType message) {
        return message instanceof Message m ? m.id() : ((MessageService) message).id();
    }

    /**
     * @param message a message or service message
     * @return its date
     */
    static int dateOf(MessageType message) {
        return message instanceof Message m ? m.date() : ((MessageService) message).date();
    }

    /**
     * @param message a message as the viewer has it
     * @param viewerId the viewer
     * @return the user who sent it: {@code from_id}, or in a private chat the viewer or the other side; 0 for a post
     */
    static long senderOf(Message message, long viewerId) {
        if (message.fromId() instanceof PeerUser u) {
            return u.userId();
        }
        if (message.peerId() instanceof PeerUser p) {
            return message.out() ? viewerId : p.userId();
        }
        return 0;
    }
}
