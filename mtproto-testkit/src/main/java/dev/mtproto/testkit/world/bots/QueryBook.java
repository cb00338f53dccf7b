package dev.mtproto.testkit.world.bots;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.WorldErrors;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The queries of one kind that bots got and may answer once, and their answers. Thread-safe.
 *
 * @param <A> what an answer is
 */
final class QueryBook<A> {
    private final SecureRandom random;
    private final Map<Long, Long> openByQuery = new HashMap<>();
    private final Map<Long, A> answers = new HashMap<>();

    QueryBook(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param botId the bot that gets the query
     * @return a new query id, not 0, never given before
     */
    synchronized long open(long botId) {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0 || openByQuery.containsKey(id) || answers.containsKey(id));
        openByQuery.put(id, botId);
        return id;
    }

    /**
     * @param bot the caller
     * @param queryId the query it answers
     * @param method the function, for errors
     * @throws dev.mtproto.rpc.RpcException {@code 400 USER_BOT_REQUIRED} if a person calls;
     *     {@code 400 QUERY_ID_INVALID} if the bot got no such query or answered it already
     */
    synchronized void check(Account bot, long queryId, String method) {
        if (!bot.bot()) {
            throw WorldErrors.of(400, "USER_BOT_REQUIRED", method);
        }
        Long owner = openByQuery.get(queryId);
        if (owner == null || owner != bot.id()) {
            throw WorldErrors.of(400, "QUERY_ID_INVALID", method);
        }
    }

    /**
     * @param bot the caller
     * @param queryId the query
     * @param answer its answer
     * @param method the function, for errors
     * @throws dev.mtproto.rpc.RpcException as {@link #check} does
     */
    synchronized void answer(Account bot, long queryId, A answer, String method) {
        check(bot, queryId, method);
        openByQuery.remove(queryId);
        answers.put(queryId, answer);
    }

    /**
     * @param queryId a query
     * @return its answer, if the bot gave one
     */
    synchronized Optional<A> answerOf(long queryId) {
        return Optional.ofNullable(answers.get(queryId));
    }
}
