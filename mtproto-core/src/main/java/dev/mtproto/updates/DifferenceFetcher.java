package dev.mtproto.updates;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.peers.PeerCache;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.tl.api.ChannelMessagesFilterEmpty;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.updates.ChannelDifferenceType;
import dev.mtproto.tl.api.updates.DifferenceType;
import dev.mtproto.tl.api.updates.GetChannelDifference;
import dev.mtproto.tl.api.updates.GetDifference;
import dev.mtproto.tl.api.updates.GetState;
import dev.mtproto.tl.api.updates.State;
import dev.mtproto.store.UpdateState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Makes the calls the {@link MessageBox} asks for: {@code updates.getState}, {@code updates.getDifference},
 * {@code updates.getChannelDifference} (with the limits https://core.telegram.org/method/updates.getChannelDifference
 * gives: 100 messages for users, 100,000 for bots), and sorts their failures into those worth retrying and
 * those that end a channel's sequence.
 */
final class DifferenceFetcher {
    static final int USER_CHANNEL_LIMIT = 100;
    static final int BOT_CHANNEL_LIMIT = 100_000;

    private final MtprotoClient client;
    private final PeerCache peers;
    private final int answerLimit;

    /**
     * @param client the client
     * @param answerLimit the most messages one answer may bring (the engine's queue capacity), so a difference
     *     cannot overfill memory whatever the gap
     */
    DifferenceFetcher(MtprotoClient client, int answerLimit) {
        this.client = client;
        this.peers = client.peers();
        this.answerLimit = answerLimit;
    }

    CompletableFuture<State> state() {
        return client.invoke(GetState.INSTANCE).thenApply(s -> (State) s);
    }

    CompletableFuture<DifferenceType> common(UpdateState from) {
        // pts_limit and qts_limit ask for slices no larger than the queue (Telegram sends smaller ones anyway)
        return client.invoke(new GetDifference(from.pts(), answerLimit, null, from.date(), from.qts(), answerLimit));
    }

    /**
     * @param channelId the channel
     * @param pts its position
     * @return the answer; empty when the client has no access hash to ask with
     */
    Optional<CompletableFuture<ChannelDifferenceType>> channel(long channelId, int pts) {
        Optional<StoredPeer> channel = peers.find(PeerKind.CHANNEL, channelId).filter(p -> !p.min());
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        int limit = Math.min(answerLimit, client.signedInAsBot() ? BOT_CHANNEL_LIMIT : USER_CHANNEL_LIMIT);
        return Optional.of(client.invoke(new GetChannelDifference(false, new InputChannel(channelId, channel.get().accessHash()),
                ChannelMessagesFilterEmpty.INSTANCE, pts, limit)));
    }

    /**
     * @param error a failed channel fetch
     * @return the reason the channel's sequence ends, or null if the failure may pass
     */
    static String channelGone(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof RpcException rpc && rpc.code() == 400 || e instanceof RpcException r2 && r2.code() == 403) {
            String m = ((RpcException) e).errorMessage();
            if (m.startsWith("CHANNEL_") || m.equals("PEER_ID_INVALID") || m.equals("MSG_ID_INVALID") || m.equals("PERSISTENT_TIMESTAMP_INVALID")) {
                return m;
            }
        }
        return null;
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Backoff between failed fetches: 1 s doubling to a minute. */
    static Duration retryDelay(int failures) {
        return Duration.ofSeconds(Math.min(60, 1L << Math.min(failures, 6)));
    }

}
