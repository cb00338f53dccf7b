package dev.mtproto.telegram;

import dev.mtproto.updates.IncomingUpdate;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A typed view of an update, for what applications handle; anything else is {@link Raw}. Every view keeps
 * the {@link IncomingUpdate} it came from ({@link #update()}).
 */
public sealed interface TelegramUpdate {

    /** @return the update as the engine delivered it */
    IncomingUpdate update();

    /**
     * The typed view of a delivered update, as {@link TelegramClient#onUpdate} handlers get it (for tests and
     * for code that takes updates from the engine itself).
     *
     * @param update the update
     * @param client the client whose shortcuts ({@code reply}, {@code answer}...) the view uses
     * @return its view; {@link Raw} for a kind without one
     */
    static TelegramUpdate of(IncomingUpdate update, TelegramClient client) {
        return TypedUpdates.of(update, client);
    }

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

    /** @param result an inline result of the bot that a user chose and sent */
    record ChosenInlineResult(ChosenInlineResultView result) implements TelegramUpdate {
        @Override
        public IncomingUpdate update() {
            return result.update();
        }
    }

    /**
     * Someone joined, left, was added, removed, promoted or banned in a group, supergroup or channel
     * ({@code updateChatParticipant}, {@code updateChannelParticipant}): Telegram sends these to bots that are
     * admins there, and to a bot about its own membership.
     *
     * @param chat the chat
     * @param userId whose membership changed
     * @param oldRole what it was ({@link ParticipantRole#LEFT} if it was no member)
     * @param newRole what it is now ({@link ParticipantRole#LEFT} if it is no member)
     * @param actorId who made the change (the user itself to join or leave)
     * @param date when
     * @param update the update
     */
    record MemberChange(ChatRef chat, long userId, ParticipantRole oldRole, ParticipantRole newRole, long actorId, Instant date,
            IncomingUpdate update) implements TelegramUpdate {
        /** @throws NullPointerException if an argument is null */
        public MemberChange {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(oldRole, "oldRole");
            Objects.requireNonNull(newRole, "newRole");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(update, "update");
        }
    }

    /**
     * Reactions on a message changed. People get the message's new counts ({@code updateMessageReactions}); bots
     * get who changed what ({@code updateBotMessageReaction}: the counts are then empty).
     *
     * @param chat the message's chat
     * @param messageId the message
     * @param counts how many chose each reaction (an emoji, {@code custom:<id>}, {@code paid}), in Telegram's order
     * @param chosen the account's own reactions on it, in the order it chose them
     * @param actorId who reacted (the bot form only)
     * @param oldReactions the actor's reactions before (the bot form only)
     * @param newReactions the actor's reactions now (the bot form only; empty if it took them away)
     * @param update the update
     */
    record Reactions(ChatRef chat, int messageId, Map<String, Integer> counts, List<String> chosen, OptionalLong actorId,
            List<String> oldReactions, List<String> newReactions, IncomingUpdate update) implements TelegramUpdate {
        /** Copies the collections. */
        public Reactions {
            Objects.requireNonNull(chat, "chat");
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            chosen = List.copyOf(chosen);
            Objects.requireNonNull(actorId, "actorId");
            oldReactions = List.copyOf(oldReactions);
            newReactions = List.copyOf(newReactions);
        }
    }

    /**
     * A chat was read up to a message: by the other side ({@code outbox}: the account's own messages up to
     * {@code maxId} were read, {@code updateReadHistoryOutbox} / {@code updateReadChannelOutbox}), or by the
     * account on another device ({@code updateReadHistoryInbox} / {@code updateReadChannelInbox}).
     *
     * @param chat the chat
     * @param maxId the last message read, as this account numbers it
     * @param outbox whether others read the account's messages (else the account read others')
     * @param update the update
     */
    record ReadReceipt(ChatRef chat, int maxId, boolean outbox, IncomingUpdate update) implements TelegramUpdate {
        /** @throws NullPointerException if the chat or update is null */
        public ReadReceipt {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(update, "update");
        }
    }

    /** @param update anything without a typed view here (statuses, typing...), as delivered */
    record Raw(IncomingUpdate update) implements TelegramUpdate {
    }
}
