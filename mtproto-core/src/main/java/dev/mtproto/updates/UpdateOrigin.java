package dev.mtproto.updates;

/** How an update reached the application. */
public enum UpdateOrigin {
    /** Telegram pushed it as it happened. */
    PUSHED,
    /** It was missed (a gap, a disconnect, a restart) and fetched with {@code updates.getDifference} or
     * {@code updates.getChannelDifference}. */
    DIFFERENCE,
    /** One of our own calls caused it and returned it (a message we sent, for example). */
    OWN_CALL,
    /** Not an update at all: a message read from a chat's history ({@code TelegramClient.history}), in the
     * same view as updates for convenience. The engine never delivers this origin. */
    HISTORY
}
