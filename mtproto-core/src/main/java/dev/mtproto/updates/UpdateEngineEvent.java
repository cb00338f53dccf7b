package dev.mtproto.updates;

import dev.mtproto.tl.api.MessageType;
import java.time.Duration;
import java.util.List;

/**
 * What the {@link UpdateEngine} tells the application besides the updates themselves. Every loss Telegram
 * itself cannot make good is one of these events; nothing is lost without one.
 */
public sealed interface UpdateEngineEvent {

    /** The sequence an event is about. */
    enum Sequence {
        /** The account's common box ({@code pts}, with {@code qts} and {@code seq}). */
        COMMON,
        /** One channel's {@code pts}. */
        CHANNEL
    }

    /**
     * Missed updates were fetched and delivered (a gap, a reconnect, a restart).
     *
     * @param sequence which sequence
     * @param channelId the channel, for {@link Sequence#CHANNEL}, else 0
     * @param fromPts the position before
     * @param toPts the position after
     * @param took how long the recovery took
     */
    record GapRecovered(Sequence sequence, long channelId, int fromPts, int toPts, Duration took) implements UpdateEngineEvent {
    }

    /**
     * Telegram could not give what was missed ({@code updates.differenceTooLong},
     * {@code updates.channelDifferenceTooLong}): the updates between the two positions are lost; reload the
     * chats concerned (their history, {@code messages.getDialogs}) to see their current state.
     *
     * @param sequence which sequence
     * @param channelId the channel, for {@link Sequence#CHANNEL}, else 0
     * @param fromPts the position the client had
     * @param toPts the position Telegram moved it to
     * @param latestMessages for a channel, the latest messages Telegram sent instead (also delivered as updates)
     */
    record UpdatesLost(Sequence sequence, long channelId, int fromPts, int toPts, List<MessageType> latestMessages)
            implements UpdateEngineEvent {
        /** Copies the list. */
        public UpdatesLost {
            latestMessages = List.copyOf(latestMessages);
        }
    }

    /**
     * The catch-up at start is over: everything missed while the client was away has been delivered (or
     * reported lost).
     *
     * @param updates how many updates the catch-up delivered
     * @param took how long it took
     */
    record CatchUpFinished(int updates, Duration took) implements UpdateEngineEvent {
    }

    /**
     * A channel's updates cannot be fetched any more ({@code CHANNEL_PRIVATE}: the account left or was banned;
     * or the client has no access hash for it); its position is forgotten.
     *
     * @param channelId the channel
     * @param reason why
     */
    record ChannelUnavailable(long channelId, String reason) implements UpdateEngineEvent {
    }

    /**
     * Fetching a difference failed for a reason that may pass (network, flood wait); it is tried again.
     *
     * @param sequence which sequence
     * @param channelId the channel, for {@link Sequence#CHANNEL}, else 0
     * @param error what failed
     * @param retryIn when it is tried again
     */
    record FetchFailed(Sequence sequence, long channelId, Throwable error, Duration retryIn) implements UpdateEngineEvent {
    }

    /**
     * An update handler threw; the update counts as delivered and delivery goes on.
     *
     * @param update the update
     * @param error what it threw
     */
    record HandlerFailed(IncomingUpdate update, Throwable error) implements UpdateEngineEvent {
    }

    /**
     * The application is slower than Telegram: the engine's queue is full (on), or has room again (off).
     * While on, pushed updates with a place in a sequence are not queued but fetched again later, and the
     * connection stops reading only when updates without one fill the queue's reserve too.
     *
     * @param on whether the queue is full
     * @param queued how many updates wait for the handlers
     */
    record Backpressure(boolean on, int queued) implements UpdateEngineEvent {
    }
}
