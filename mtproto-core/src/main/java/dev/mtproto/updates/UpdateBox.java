package dev.mtproto.updates;

/**
 * One of the sequences Telegram numbers updates in (https://core.telegram.org/api/updates#update-handling):
 * the account's common message box ({@code pts}), the secondary one ({@code qts}: bots' and secret chats'
 * events), or one channel's own {@code pts}.
 */
sealed interface UpdateBox {

    /** The common message box: private chats and basic groups. */
    enum Common implements UpdateBox { INSTANCE }

    /** The {@code qts} sequence. */
    enum Qts implements UpdateBox { INSTANCE }

    /**
     * A channel's or supergroup's own sequence.
     *
     * @param channelId the channel
     */
    record Channel(long channelId) implements UpdateBox {
    }
}
