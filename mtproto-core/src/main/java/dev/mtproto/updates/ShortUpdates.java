package dev.mtproto.updates;

import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerChannelFromMessage;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputPeerUserFromMessage;
import dev.mtproto.tl.api.InputReplyTo;
import dev.mtproto.tl.api.InputReplyToMessage;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageReplyHeader;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateShortChatMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.messages.SendMessage;

/**
 * Expands the short forms of {@code Updates} into the {@code updateNewMessage} they stand for
 * (https://core.telegram.org/api/updates#updates-sequence: the client builds the message from the fields
 * given, and for {@code updateShortSentMessage} from the request it answers).
 */
final class ShortUpdates {
    private ShortUpdates() {
    }

    /**
     * @param u a private message
     * @param selfId the account's own user id
     * @return the full update
     */
    static UpdateNewMessage expand(UpdateShortMessage u, long selfId) {
        Message m = Message.builder().out(u.out()).mentioned(u.mentioned()).mediaUnread(u.mediaUnread()).silent(u.silent())
                .id(u.id()).fromId(new PeerUser(u.out() ? selfId : u.userId())).peerId(new PeerUser(u.userId()))
                .fwdFrom(u.fwdFrom()).viaBotId(u.viaBotId()).replyTo(u.replyTo()).date(u.date()).message(u.message())
                .entities(u.entities()).ttlPeriod(u.ttlPeriod()).build();
        return new UpdateNewMessage(m, u.pts(), u.ptsCount());
    }

    /**
     * @param u a basic group's message
     * @return the full update
     */
    static UpdateNewMessage expand(UpdateShortChatMessage u) {
        Message m = Message.builder().out(u.out()).mentioned(u.mentioned()).mediaUnread(u.mediaUnread()).silent(u.silent())
                .id(u.id()).fromId(new PeerUser(u.fromId())).peerId(new PeerChat(u.chatId()))
                .fwdFrom(u.fwdFrom()).viaBotId(u.viaBotId()).replyTo(u.replyTo()).date(u.date()).message(u.message())
                .entities(u.entities()).ttlPeriod(u.ttlPeriod()).build();
        return new UpdateNewMessage(m, u.pts(), u.ptsCount());
    }

    /**
     * @param u what Telegram answered a message we sent
     * @param call the request it answers (null if unknown)
     * @param selfId the account's own user id
     * @return the full update, or null when the request is not one whose message can be rebuilt (then only
     *     the pts moves)
     */
    static UpdateNewMessage expand(UpdateShortSentMessage u, TlMethod<?> call, long selfId) {
        if (!(call instanceof SendMessage request)) {
            return null;
        }
        Peer peer = peerOf(request.peer(), selfId);
        if (peer == null) {
            return null;
        }
        Message m = Message.builder().out(true).silent(request.silent()).id(u.id()).fromId(new PeerUser(selfId)).peerId(peer)
                .replyTo(replyHeader(request.replyTo())).date(u.date()).message(request.message()).media(u.media())
                .entities(u.entities() != null ? u.entities() : request.entities()).replyMarkup(request.replyMarkup())
                .ttlPeriod(u.ttlPeriod()).build();
        return new UpdateNewMessage(m, u.pts(), u.ptsCount());
    }

    private static MessageReplyHeader replyHeader(InputReplyTo replyTo) {
        if (replyTo instanceof InputReplyToMessage r) {
            return MessageReplyHeader.builder().replyToMsgId(r.replyToMsgId()).replyToTopId(r.topMsgId()).build();
        }
        return null;
    }

    /** @return the peer an input peer names, or null for one that names none ({@code inputPeerEmpty}) */
    static Peer peerOf(InputPeer p, long selfId) {
        if (p instanceof InputPeerSelf) {
            return new PeerUser(selfId);
        } else if (p instanceof InputPeerUser u) {
            return new PeerUser(u.userId());
        } else if (p instanceof InputPeerChat c) {
            return new PeerChat(c.chatId());
        } else if (p instanceof InputPeerChannel c) {
            return new PeerChannel(c.channelId());
        } else if (p instanceof InputPeerUserFromMessage u) {
            return new PeerUser(u.userId());
        } else if (p instanceof InputPeerChannelFromMessage c) {
            return new PeerChannel(c.channelId());
        }
        return null;
    }
}
