package dev.mtproto.telegram;

import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateBotCallbackQuery;
import dev.mtproto.tl.api.UpdateBotInlineQuery;
import dev.mtproto.tl.api.UpdateDeleteChannelMessages;
import dev.mtproto.tl.api.UpdateDeleteMessages;
import dev.mtproto.tl.api.UpdateEditChannelMessage;
import dev.mtproto.tl.api.UpdateEditMessage;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.updates.IncomingUpdate;

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
        }
        return new TelegramUpdate.Raw(in);
    }

    private static Message message(MessageType m) {
        return m instanceof Message x ? x : null;
    }
}
