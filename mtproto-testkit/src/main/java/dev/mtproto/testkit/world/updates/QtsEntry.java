package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.Update;

/**
 * An event of an account's qts sequence (https://core.telegram.org/api/updates): for a bot,
 * {@code updateBotStopped}.
 *
 * @param qts the qts after it
 * @param update the update
 * @param userId the user it names (for the answer's users), 0 for none
 * @param date when
 */
public record QtsEntry(int qts, Update update, long userId, int date) {
}
