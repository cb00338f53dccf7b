package dev.mtproto.updates;

import dev.mtproto.peers.MarkedIds;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEmpty;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateBotCallbackQuery;
import dev.mtproto.tl.api.UpdateBotInlineQuery;
import dev.mtproto.tl.api.UpdateBotMessageReaction;
import dev.mtproto.tl.api.UpdateChannel;
import dev.mtproto.tl.api.UpdateChannelParticipant;
import dev.mtproto.tl.api.UpdateChannelUserTyping;
import dev.mtproto.tl.api.UpdateChatParticipant;
import dev.mtproto.tl.api.UpdateChatUserTyping;
import dev.mtproto.tl.api.UpdateEditChannelMessage;
import dev.mtproto.tl.api.UpdateEditMessage;
import dev.mtproto.tl.api.UpdateMessageReactions;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateReadChannelInbox;
import dev.mtproto.tl.api.UpdateReadHistoryInbox;
import dev.mtproto.tl.api.UpdateReadHistoryOutbox;
import dev.mtproto.tl.api.UpdateUserTyping;

/**
 * The chat an update belongs to, as the key that orders delivery: updates of one chat are delivered one
 * after another, updates of different chats concurrently. Marked ids as the Bot API writes them.
 */
final class ChatKeys {
    private ChatKeys() {
    }

    /**
     * @param u an update
     * @param channelOfSequence the channel of its sequence, if it is a channel update (else 0)
     * @return the marked id of its chat, or 0 for updates about the account as a whole
     */
    static long of(Update u, long channelOfSequence) {
        if (channelOfSequence != 0) {
            return channel(channelOfSequence);
        }
        if (u instanceof UpdateNewMessage x) {
            return ofMessage(x.message());
        } else if (u instanceof UpdateEditMessage x) {
            return ofMessage(x.message());
        } else if (u instanceof UpdateNewChannelMessage x) {
            return ofMessage(x.message());
        } else if (u instanceof UpdateEditChannelMessage x) {
            return ofMessage(x.message());
        } else if (u instanceof UpdateReadHistoryInbox x) {
            return marked(x.peer());
        } else if (u instanceof UpdateReadHistoryOutbox x) {
            return marked(x.peer());
        } else if (u instanceof UpdateBotCallbackQuery x) {
            return marked(x.peer());
        } else if (u instanceof UpdateMessageReactions x) {
            return marked(x.peer());
        } else if (u instanceof UpdateBotMessageReaction x) {
            return marked(x.peer());
        } else if (u instanceof UpdateBotInlineQuery x) {
            return x.userId();
        } else if (u instanceof UpdateUserTyping x) {
            return x.userId();
        } else if (u instanceof UpdateChatUserTyping x) {
            return -x.chatId();
        } else if (u instanceof UpdateChatParticipant x) {
            return -x.chatId();
        } else if (u instanceof UpdateChannelUserTyping x) {
            return channel(x.channelId());
        } else if (u instanceof UpdateChannelParticipant x) {
            return channel(x.channelId());
        } else if (u instanceof UpdateChannel x) {
            return channel(x.channelId());
        } else if (u instanceof UpdateReadChannelInbox x) {
            return channel(x.channelId());
        }
        return 0;
    }

    static long ofMessage(MessageType m) {
        Peer p = m instanceof Message x ? x.peerId() : m instanceof MessageService x ? x.peerId()
                : m instanceof MessageEmpty x ? x.peerId() : null;
        return p == null ? 0 : marked(p);
    }

    static long marked(Peer p) {
        return MarkedIds.of(p);
    }

    static long channel(long channelId) {
        return MarkedIds.channel(channelId);
    }
}
