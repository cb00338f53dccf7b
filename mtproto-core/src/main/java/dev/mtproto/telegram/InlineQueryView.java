package dev.mtproto.telegram;

import dev.mtproto.tl.api.InputBotInlineResultType;
import dev.mtproto.tl.api.UpdateBotInlineQuery;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.messages.SetInlineBotResults;
import dev.mtproto.updates.IncomingUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A user typing {@code @bot query} in a chat ({@code updateBotInlineQuery}); answer with results. */
public final class InlineQueryView {
    /** Telegram's most results per answer (https://core.telegram.org/method/messages.setInlineBotResults). */
    public static final int MAX_RESULTS = 50;

    private final UpdateBotInlineQuery query;
    private final IncomingUpdate update;
    private final TelegramClient client;

    InlineQueryView(UpdateBotInlineQuery query, IncomingUpdate update, TelegramClient client) {
        this.query = query;
        this.update = update;
        this.client = client;
    }

    /** @return the update it came in, with its users and chats */
    public IncomingUpdate update() {
        return update;
    }

    /** @return the raw update */
    public UpdateBotInlineQuery raw() {
        return query;
    }

    /** @return the query's id */
    public long queryId() {
        return query.queryId();
    }

    /** @return what the user typed after the bot's username */
    public String text() {
        return query.query();
    }

    /** @return the offset of the page asked for (what the last answer gave as next offset), empty at first */
    public String offset() {
        return query.offset();
    }

    /** @return the user who typed */
    public long userId() {
        return query.userId();
    }

    /** @return that user, as the update carried it */
    public Optional<User> user() {
        return update.user(query.userId());
    }

    /**
     * Answers the query.
     *
     * @param results at most 50 results
     * @param cacheFor how long Telegram may reuse the answer for the same query
     * @param nextOffset the offset of the next page, or null when there is none
     * @return completes when Telegram took the answer
     */
    public CompletableFuture<Void> answer(List<? extends InputBotInlineResultType> results, Duration cacheFor, String nextOffset) {
        if (results.size() > MAX_RESULTS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("at most " + MAX_RESULTS + " inline results per answer, got "
                    + results.size() + "; page them with nextOffset"));
        }
        return client.raw().invoke(SetInlineBotResults.builder().queryId(query.queryId()).results(results)
                .cacheTime((int) cacheFor.toSeconds()).nextOffset(nextOffset).build()).thenApply(ok -> null);
    }

    @Override
    public String toString() {
        return "InlineQueryView{query=" + queryId() + ", user=" + userId() + "}";
    }
}
