package dev.mtproto.telegram;

import dev.mtproto.tl.api.InputBotInlineMessageIDType;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UpdateBotInlineSend;
import dev.mtproto.updates.IncomingUpdate;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the bot's inline results that a user chose and sent ({@code updateBotInlineSend}; Telegram sends it only
 * to bots with inline feedback on in @BotFather).
 *
 * @param resultId the id the bot gave the result
 * @param query the query it answered
 * @param userId who chose it
 * @param messageId the sent message, to edit it later ({@code messages.editInlineBotMessage}); Telegram gives it
 *     only when the message has an inline keyboard
 * @param update the update, with the users it carried
 */
public record ChosenInlineResultView(String resultId, String query, long userId, Optional<InputBotInlineMessageIDType> messageId,
        IncomingUpdate update) {

    /** @throws NullPointerException if an argument is null */
    public ChosenInlineResultView {
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(update, "update");
    }

    static ChosenInlineResultView of(UpdateBotInlineSend u, IncomingUpdate in) {
        return new ChosenInlineResultView(u.id(), u.query(), u.userId(), Optional.ofNullable(u.msgId()), in);
    }

    /** @return who chose it, when the update carried the user */
    public Optional<User> user() {
        return new AnswerPeers(update.users(), update.chats()).user(userId);
    }
}
