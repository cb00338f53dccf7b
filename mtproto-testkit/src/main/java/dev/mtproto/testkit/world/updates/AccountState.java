package dev.mtproto.testkit.world.updates;

/**
 * An account's update state as the world keeps it (https://core.telegram.org/api/updates): the pts of its
 * common message box, its qts, the seq of the {@code updates} pushed to it, and the date.
 *
 * @param pts the common box's pts
 * @param qts the qts (the number of qts events: a bot's {@code updateBotStopped}; 0 for people)
 * @param seq the seq of the last {@code updates}/{@code updatesCombined} pushed
 * @param date the world's time, in Unix seconds
 */
public record AccountState(int pts, int qts, int seq, int date) {
}
