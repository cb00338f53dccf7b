package dev.mtproto.testkit.world.bots;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.Updates;
import java.util.List;

/**
 * Pushes a bot query to the bot as Telegram does: {@code updates} with the one update, the user who made the
 * query (and the chat it was made in) as the bot sees them, and seq 0: such updates have no pts, qts or seq,
 * so a client that misses one cannot get it back. Thread-safe.
 */
final class BotUpdates {
    private final PushDispatcher pushes;
    private final EntryPeers entryPeers;

    BotUpdates(PushDispatcher pushes, EntryPeers entryPeers) {
        this.pushes = pushes;
        this.entryPeers = entryPeers;
    }

    /**
     * @param bot who gets it
     * @param update the query
     * @param userId who made it
     * @param chatId the chat it names, 0 for none
     * @param date the world's time
     * @return what was pushed
     */
    Updates push(Account bot, Update update, long userId, long chatId, int date) {
        EntryPeers.Peers peers = entryPeers.of(bot, List.of(), chatId, List.of(userId), date);
        Updates u = new Updates(List.of(update), peers.users(), peers.chats(), date, 0);
        pushes.push(bot.id(), u, 0);
        return u;
    }
}
