package dev.mtproto.store;

/**
 * The account's common update state, as {@code updates.getState} returns it and as pushed updates move it
 * on (<a href="https://core.telegram.org/api/updates">core.telegram.org/api/updates</a>): a restart that
 * loads it asks {@code updates.getDifference} for what it missed instead of starting afresh. Channels have
 * their own pts each, kept apart ({@link SessionStore#loadChannelPts()}).
 *
 * @param pts the common message box's persistent timestamp
 * @param qts the secret chats' and bots' qts
 * @param seq the sequence number of {@code updates} / {@code updatesCombined}
 * @param date the server's unix time of the last update applied
 */
public record UpdateState(int pts, int qts, int seq, int date) {
}
