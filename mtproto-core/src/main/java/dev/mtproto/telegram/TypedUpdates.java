package dev.mtproto.telegram;

import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateBotCallbackQuery;
import dev.mtproto.tl.api.UpdateBotInlineQuery;
import dev.mtproto.tl.api.UpdateBotInlineSend;
import dev.mtproto.tl.api.UpdateDeleteChannelMessages;
import dev.mtproto.tl.api.UpdateDeleteMessages;
import dev.mtproto.tl.api.UpdateEditChannelMessage;
import dev.mtproto.tl.api.UpdateEditMessage;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.ChannelParticipantType;
import dev.mtproto.tl.api.ChatParticipantType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.UpdateChannelParticipant;
import dev.mtproto.tl.api.UpdateChatParticipant;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateReadChannelInbox;
import dev.mtproto.tl.api.UpdateReadChannelOutbox;
import dev.mtproto.tl.api.UpdateReadHistoryInbox;
import dev.mtproto.tl.api.UpdateReadHistoryOutbox;
import dev.mtproto.tl.api.UpdateBotMessageReaction;
import dev.mtproto.tl.api.UpdateMessageReactions;
import dev.mtproto.updates.IncomingUpdate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Sorts delivered updates into their typed views. */
final class TypedUpdates {
    private TypedUpdates() {
    }

    static TelegramUpdate of(IncomingUpdate in, TelegramClient client) {
        Update u = in.update();
        if (u instanceof UpdateNewMessage x && x.message() instanceof Message m) {
            return new TelegramUpdate.NewMessage(new MessageView(m, in, client));
        } else if (u instanceof UpdateNewChannelMessage x && x.message() instanceof Message m) {
            return new TelegramUpdate.NewMessage(new MessageView(m, in, client));
        } else if (u instanceof UpdateEditMessage x && message(x.message()) != null) {
            return new TelegramUpdate.EditedMessage(new MessageView(message(x.message()), in, client));
        } else if (u instanceof UpdateEditChannelMessage x && message(x.message()) != null) {
            return new TelegramUpdate.EditedMessage(new MessageView(message(x.message()), in, client));
        } else if (u instanceof UpdateDeleteMessages x) {
            return new TelegramUpdate.DeletedMessages(x.messages(), 0, in);
        } else if (u instanceof UpdateDeleteChannelMessages x) {
            return new TelegramUpdate.DeletedMessages(x.messages(), x.channelId(), in);
        } else if (u instanceof UpdateBotCallbackQuery x) {
            return new TelegramUpdate.CallbackQuery(new CallbackQueryView(x, in, client));
        } else if (u instanceof UpdateBotInlineQuery x) {
            return new TelegramUpdate.InlineQuery(new InlineQueryView(x, in, client));
        } else if (u instanceof UpdateBotInlineSend x) {
            return new TelegramUpdate.ChosenInlineResult(ChosenInlineResultView.of(x, in));
        } else if (u instanceof UpdateChatParticipant x) {
            AnswerPeers peers = peers(in);
            return new TelegramUpdate.MemberChange(peers.chatOf(new PeerChat(x.chatId())), x.userId(), groupRole(x.prevParticipant(), peers),
                    groupRole(x.newParticipant(), peers), x.actorId(), instant(x.date()), in);
        } else if (u instanceof UpdateChannelParticipant x) {
            AnswerPeers peers = peers(in);
            return new TelegramUpdate.MemberChange(peers.chatOf(new PeerChannel(x.channelId())), x.userId(), channelRole(x.prevParticipant(), peers),
                    channelRole(x.newParticipant(), peers), x.actorId(), instant(x.date()), in);
        } else if (u instanceof UpdateReadHistoryOutbox x) {
            return new TelegramUpdate.ReadReceipt(peers(in).chatOf(x.peer()), x.maxId(), true, in);
        } else if (u instanceof UpdateReadHistoryInbox x) {
            return new TelegramUpdate.ReadReceipt(peers(in).chatOf(x.peer()), x.maxId(), false, in);
        } else if (u instanceof UpdateReadChannelOutbox x) {
            return new TelegramUpdate.ReadReceipt(peers(in).chatOf(new PeerChannel(x.channelId())), x.maxId(), true, in);
        } else if (u instanceof UpdateReadChannelInbox x) {
            return new TelegramUpdate.ReadReceipt(peers(in).chatOf(new PeerChannel(x.channelId())), x.maxId(), false, in);
        } else if (u instanceof UpdateMessageReactions x) {
            return new TelegramUpdate.Reactions(peers(in).chatOf(x.peer()), x.msgId(), ReactionsView.counts(x.reactions()),
                    ReactionsView.chosen(x.reactions()), OptionalLong.empty(), List.of(), List.of(), in);
        } else if (u instanceof UpdateBotMessageReaction x) {
            OptionalLong actor = x.actor() instanceof PeerUser p ? OptionalLong.of(p.userId()) : OptionalLong.empty();
            return new TelegramUpdate.Reactions(peers(in).chatOf(x.peer()), x.msgId(), Map.of(), List.of(), actor,
                    ReactionsView.names(x.oldReactions()), ReactionsView.names(x.newReactions()), in);
        }
        return new TelegramUpdate.Raw(in);
    }

    private static ParticipantRole groupRole(ChatParticipantType p, AnswerPeers peers) {
        return p == null ? ParticipantRole.LEFT : ParticipantPages.groupMember(p, peers).role();
    }

    private static ParticipantRole channelRole(ChannelParticipantType p, AnswerPeers peers) {
        return p == null ? ParticipantRole.LEFT : ParticipantPages.channelMember(p, peers).map(ParticipantView::role).orElse(ParticipantRole.LEFT);
    }

    private static java.time.Instant instant(int date) {
        return java.time.Instant.ofEpochSecond(Integer.toUnsignedLong(date));
    }

    private static AnswerPeers peers(IncomingUpdate in) {
        return new AnswerPeers(in.users(), in.chats());
    }

    private static Message message(MessageType m) {
        return m instanceof Message x ? x : null;
    }
}
