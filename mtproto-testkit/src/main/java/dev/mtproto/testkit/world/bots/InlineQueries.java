package dev.mtproto.testkit.world.bots;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.tl.api.InlineQueryPeerType;
import dev.mtproto.tl.api.InlineQueryPeerTypeBotPM;
import dev.mtproto.tl.api.InlineQueryPeerTypeBroadcast;
import dev.mtproto.tl.api.InlineQueryPeerTypeChat;
import dev.mtproto.tl.api.InlineQueryPeerTypeMegagroup;
import dev.mtproto.tl.api.InlineQueryPeerTypePM;
import dev.mtproto.tl.api.InlineQueryPeerTypeSameBotPM;
import dev.mtproto.testkit.world.messages.Draft;
import dev.mtproto.tl.api.InputBotInlineMessageID;
import dev.mtproto.tl.api.InputBotInlineMessageID64;
import dev.mtproto.tl.api.InputBotInlineMessageIDType;
import dev.mtproto.tl.api.InputBotInlineMessageText;
import dev.mtproto.tl.api.InputBotInlineResult;
import dev.mtproto.tl.api.InputBotInlineResultDocument;
import dev.mtproto.tl.api.InputBotInlineResultPhoto;
import dev.mtproto.tl.api.InputBotInlineResultType;
import dev.mtproto.tl.api.ReplyInlineMarkup;
import dev.mtproto.tl.api.UpdateBotInlineQuery;
import dev.mtproto.tl.api.UpdateBotInlineSend;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inline queries of scripted users ({@code @bot query} typed in a chat) and the bots' results
 * (https://core.telegram.org/api/bots/inline): the bot gets {@code updateBotInlineQuery}; it answers once
 * with {@code messages.setInlineBotResults}, and the world keeps the results for the test. Thread-safe.
 */
public final class InlineQueries {
    /** The most results one answer may carry (https://core.telegram.org/method/messages.setInlineBotResults). */
    public static final int MAX_RESULTS = 50;

    /**
     * A result a scripted user chose, to send.
     *
     * @param bot the bot that gave it
     * @param resultId the result's id
     * @param query the query it answered
     * @param chat where the query was typed, and the message goes
     * @param draft the message the result makes ({@code via_bot_id} the bot)
     */
    public record Choice(Account bot, String resultId, String query, Destination chat, Draft draft) {
    }

    private record Asked(long userId, Account bot, String query, Destination chat) {
    }

    private final BotUpdates updates;
    private final QueryBook<InlineResults> book;
    private final Map<Long, Asked> asked = new ConcurrentHashMap<>();

    InlineQueries(BotUpdates updates, SecureRandom random) {
        this.updates = updates;
        this.book = new QueryBook<>(random);
    }

    /**
     * Types {@code @bot query} in a chat, as the user's app does.
     *
     * @param user who types
     * @param bot the bot
     * @param query the text after the bot's username
     * @param offset the offset of the page asked for (a {@code next_offset} of the bot's), empty for the first
     * @param chat the chat it is typed in
     * @param date the world's time
     * @return the query id the bot got
     * @throws IllegalArgumentException if {@code bot} is not a bot
     */
    public long ask(Account user, Account bot, String query, String offset, Destination chat, int date) {
        if (!bot.bot()) {
            throw new IllegalArgumentException(bot + " is not a bot: only bots get inline queries");
        }
        long queryId = book.open(bot.id());
        asked.put(queryId, new Asked(user.id(), bot, query, chat));
        UpdateBotInlineQuery update = UpdateBotInlineQuery.builder().queryId(queryId).userId(user.id()).query(query).offset(offset)
                .peerType(peerType(bot, chat)).build();
        updates.push(bot, update, user.id(), 0, date);
        return queryId;
    }

    /**
     * Picks one of the bot's results, as the user's app does when the user taps it.
     *
     * @param user who picks
     * @param queryId the user's query
     * @param resultId the id of one of the bot's results
     * @return what to send, and where
     * @throws IllegalArgumentException if the user made no such query, the bot has not answered it, has no
     *     result with that id, or the result's message is not {@code inputBotInlineMessageText} (the only kind modelled)
     */
    public Choice choose(Account user, long queryId, String resultId) {
        Asked a = asked.get(queryId);
        if (a == null || a.userId() != user.id()) {
            throw new IllegalArgumentException(user + " made no inline query " + queryId);
        }
        InlineResults results = resultsOf(queryId).orElseThrow(() -> new IllegalArgumentException("the bot has not answered query " + queryId));
        InputBotInlineResultType result = results.results().stream().filter(r -> idOf(r).equals(resultId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the bot gave no result " + resultId));
        if (!(result instanceof InputBotInlineResult r) || !(r.sendMessage() instanceof InputBotInlineMessageText text)) {
            throw new IllegalArgumentException("only results with inputBotInlineMessageText are modelled: " + resultId);
        }
        Draft draft = new Draft(text.message(), text.replyMarkup(), text.entities(), 0, false, text.noWebpage(), null, a.bot().id());
        return new Choice(a.bot(), resultId, a.query(), a.chat(), draft);
    }

    /**
     * Tells the bot which result was sent: {@code updateBotInlineSend} (https://core.telegram.org/constructor/updateBotInlineSend)
     * with the user, query and result id, and, when the message has an inline keyboard (as the Bot API's
     * {@code inline_message_id}), its {@code inputBotInlineMessageID} ({@code inputBotInlineMessageID64} in a
     * channel). As if the bot had inline feedback on in BotFather.
     *
     * @param user who sent it
     * @param choice the result
     * @param messageId the id of the message sent (the user's, or the channel's)
     * @param dcId the DC the message's owner is on
     * @param date the world's time
     */
    public void sent(Account user, Choice choice, int messageId, int dcId, int date) {
        InputBotInlineMessageIDType id = null;
        if (choice.draft().markup() instanceof ReplyInlineMarkup) {
            long hash = java.util.concurrent.ThreadLocalRandom.current().nextLong();
            id = choice.chat() instanceof Destination.ToChat c && c.chat().isChannel()
                    ? new InputBotInlineMessageID64(dcId, c.chat().id(), messageId, hash)
                    : new InputBotInlineMessageID(dcId, (user.id() << 32) | messageId, hash);
        }
        UpdateBotInlineSend update = UpdateBotInlineSend.builder().userId(user.id()).query(choice.query()).id(choice.resultId()).msgId(id).build();
        updates.push(choice.bot(), update, user.id(), 0, date);
    }

    private static InlineQueryPeerType peerType(Account bot, Destination chat) {
        if (chat instanceof Destination.ToUser u) {
            if (u.user().id() == bot.id()) {
                return InlineQueryPeerTypeSameBotPM.INSTANCE;
            }
            return u.user().bot() ? InlineQueryPeerTypeBotPM.INSTANCE : InlineQueryPeerTypePM.INSTANCE;
        }
        ChatKind kind = ((Destination.ToChat) chat).chat().kind();
        return kind == ChatKind.GROUP ? InlineQueryPeerTypeChat.INSTANCE
                : kind == ChatKind.SUPERGROUP ? InlineQueryPeerTypeMegagroup.INSTANCE : InlineQueryPeerTypeBroadcast.INSTANCE;
    }

    /**
     * Takes a bot's results, as {@code messages.setInlineBotResults} does.
     *
     * @param bot the caller
     * @param queryId the query
     * @param results the results
     * @param method the function, for errors
     * @throws dev.mtproto.rpc.RpcException {@code 400 USER_BOT_REQUIRED} if a person calls it;
     *     {@code 400 QUERY_ID_INVALID} if the bot got no such query or answered it already;
     *     {@code 400 RESULTS_TOO_MUCH} past {@value #MAX_RESULTS} results; {@code 400 RESULT_ID_DUPLICATE}
     *     if two results share an id
     */
    public void answer(Account bot, long queryId, InlineResults results, String method) {
        book.check(bot, queryId, method);
        if (results.results().size() > MAX_RESULTS) {
            throw WorldErrors.of(400, "RESULTS_TOO_MUCH", method);
        }
        Set<String> ids = new HashSet<>();
        for (InputBotInlineResultType r : results.results()) {
            if (!ids.add(idOf(r))) {
                throw WorldErrors.of(400, "RESULT_ID_DUPLICATE", method);
            }
        }
        book.answer(bot, queryId, results, method);
    }

    private static String idOf(InputBotInlineResultType r) {
        if (r instanceof InputBotInlineResult x) {
            return x.id();
        } else if (r instanceof InputBotInlineResultPhoto x) {
            return x.id();
        } else if (r instanceof InputBotInlineResultDocument x) {
            return x.id();
        }
        return ((dev.mtproto.tl.api.InputBotInlineResultGame) r).id();
    }

    /**
     * @param queryId a query a scripted user made
     * @return the bot's results, what the user's app lists; empty while it has not answered
     */
    public Optional<InlineResults> resultsOf(long queryId) {
        return book.answerOf(queryId);
    }
}
