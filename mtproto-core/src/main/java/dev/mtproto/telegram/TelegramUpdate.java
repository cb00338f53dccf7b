package dev.mtproto.telegram;

import dev.mtproto.updates.IncomingUpdate;
import java.util.List;

/**
 * A typed view of an update, for what applications handle; anything else is {@link Raw}. Every view keeps
 * the {@link IncomingUpdate} it came from ({@link #update()}).
 */
public sealed interface TelegramUpdate {

    /** @return the update as the engine delivered it */
    IncomingUpdate update();

    /** @param message a new message (private, group, supergroup or channel) */
    record NewMessage(MessageView message) implements TelegramUpdate {
        @Override
        public IncomingUpdate update() {
            return message.update();
        }
    }

    /** @param message a message as it is after an edit */
    record EditedMessage(MessageView message) implements TelegramUpdate {
        @Override
        public IncomingUpdate update() {
            return message.update();
        }
    }

    /**
     * @param messageIds the deleted messages
     * @param channelId their channel, or 0 for the account's box (private chats and basic groups: Telegram does
     *     not say which chat)
     * @param update the update
     */
    record DeletedMessages(List<Integer> messageIds, long channelId, IncomingUpdate update) implements TelegramUpdate {
        /** Copies the list. */
        public DeletedMessages {
            messageIds = List.copyOf(messageIds);
        }
    }

    /** @param query a press of an inline button of the bot's message */
    record CallbackQuery(CallbackQueryView query) implements TelegramUpdate {
        @Override
        public IncomingUpdate update() {
            return query.update();
        }
    }

    /** @param query an inline query to the bot */
    record InlineQuery(InlineQueryView query) implements TelegramUpdate {
        @Override
        public IncomingUpdate update() {
            return query.update();
        }
    }

    /** @param update anything without a typed view here (reactions, members, statuses...), as delivered */
    record Raw(IncomingUpdate update) implements TelegramUpdate {
    }
}
