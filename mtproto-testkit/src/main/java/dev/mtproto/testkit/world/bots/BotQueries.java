package dev.mtproto.testkit.world.bots;

import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.messages.MessageChanges;
import dev.mtproto.testkit.world.messages.MessageCopies;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.messages.SetBotCallbackAnswer;
import dev.mtproto.tl.api.messages.SetInlineBotResults;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * What scripted users ask of bots and what the bots answered: button presses
 * ({@code messages.setBotCallbackAnswer}) and inline queries ({@code messages.setInlineBotResults}). Tests read the answers here ({@code world.botQueries()}).
 * Thread-safe.
 */
public final class BotQueries {
    private final CallbackQueries callbacks;
    private final InlineQueries inline;

    /**
     * @param accounts the accounts
     * @param changes finds messages as their owners have them
     * @param copies each owner's id of a message
     * @param pushes where updates go
     * @param entryPeers the users and chats of an update
     * @param random makes query ids
     */
    public BotQueries(Accounts accounts, MessageChanges changes, MessageCopies copies, PushDispatcher pushes, EntryPeers entryPeers,
            SecureRandom random) {
        BotUpdates updates = new BotUpdates(pushes, entryPeers);
        this.callbacks = new CallbackQueries(accounts, changes, copies, updates, random);
        this.inline = new InlineQueries(updates, random);
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(SetBotCallbackAnswer.class, (m, c) -> {
            callbacks.answer(c.account(), m.queryId(), new CallbackAnswer(m.alert(), m.message(), m.url(), m.cacheTime()),
                    c.call().method().tlName());
            return Boolean.TRUE;
        }).on(SetInlineBotResults.class, (m, c) -> {
            inline.answer(c.account(), m.queryId(), new InlineResults(m.results(), m.cacheTime(), m.nextOffset(), m.gallery(), m.private_(),
                    m.switchPm()), c.call().method().tlName());
            return Boolean.TRUE;
        });
    }

    /** @return button presses of scripted users */
    public CallbackQueries callbacks() {
        return callbacks;
    }

    /** @return inline queries of scripted users */
    public InlineQueries inline() {
        return inline;
    }

    /**
     * @param queryId an inline query of a scripted user ({@code world.as(alice).inlineQuery(...)})
     * @return the bot's results, what the user's app lists; empty while the bot has not answered
     */
    public Optional<InlineResults> inlineResults(long queryId) {
        return inline.resultsOf(queryId);
    }

    /**
     * @param queryId a press of a scripted user ({@code world.as(alice).press(...)})
     * @return the bot's answer, what the user saw; empty while the bot has not answered
     */
    public Optional<CallbackAnswer> callbackAnswer(long queryId) {
        return callbacks.answerOf(queryId);
    }
}
