package dev.mtproto.updates;

import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEmpty;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateBotBusinessConnect;
import dev.mtproto.tl.api.UpdateBotChatBoost;
import dev.mtproto.tl.api.UpdateBotChatInviteRequester;
import dev.mtproto.tl.api.UpdateBotDeleteBusinessMessage;
import dev.mtproto.tl.api.UpdateBotEditBusinessMessage;
import dev.mtproto.tl.api.UpdateBotGuestChatQuery;
import dev.mtproto.tl.api.UpdateBotMessageReaction;
import dev.mtproto.tl.api.UpdateBotMessageReactions;
import dev.mtproto.tl.api.UpdateBotNewBusinessMessage;
import dev.mtproto.tl.api.UpdateBotPurchasedPaidMedia;
import dev.mtproto.tl.api.UpdateBotStarsSubscription;
import dev.mtproto.tl.api.UpdateBotStopped;
import dev.mtproto.tl.api.UpdateChannelParticipant;
import dev.mtproto.tl.api.UpdateChannelWebPage;
import dev.mtproto.tl.api.UpdateChatParticipant;
import dev.mtproto.tl.api.UpdateDeleteChannelMessages;
import dev.mtproto.tl.api.UpdateDeleteMessages;
import dev.mtproto.tl.api.UpdateEditChannelMessage;
import dev.mtproto.tl.api.UpdateEditMessage;
import dev.mtproto.tl.api.UpdateFolderPeers;
import dev.mtproto.tl.api.UpdateManagedBot;
import dev.mtproto.tl.api.UpdateMessagePollVote;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewEncryptedMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdatePinnedChannelMessages;
import dev.mtproto.tl.api.UpdatePinnedMessages;
import dev.mtproto.tl.api.UpdateReadHistoryInbox;
import dev.mtproto.tl.api.UpdateReadHistoryOutbox;
import dev.mtproto.tl.api.UpdateReadMessagesContents;
import dev.mtproto.tl.api.UpdateWebPage;

/**
 * An update with its place in a sequence, as https://core.telegram.org/api/updates#update-handling defines
 * it: {@code pts} and {@code pts_count} in the common box or a channel's, {@code qts} (a count of one) in the
 * secondary box, or no place at all (statuses, typing, callback queries: applied as they come).
 *
 * @param update the update
 * @param box its sequence, or null for an update that has none
 * @param pts its position after it is applied
 * @param count how many positions it takes ({@code pts_count}; 1 for qts)
 */
record SequencedUpdate(Update update, UpdateBox box, int pts, int count) {

    /** @return the position the box must be at for this update to be next */
    int expectedBefore() {
        return pts - count;
    }

    /**
     * @param u an update
     * @return it with its sequence; {@code pts} of 0 (sent "where it does not matter") counts as none
     */
    static SequencedUpdate of(Update u) {
        SequencedUpdate s = common(u);
        if (s == null) {
            s = channel(u);
        }
        if (s == null) {
            s = qts(u);
        }
        return s == null || s.pts == 0 ? new SequencedUpdate(u, null, 0, 0) : s;
    }

    private static SequencedUpdate common(Update u) {
        if (u instanceof UpdateNewMessage x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdateEditMessage x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdateDeleteMessages x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdateReadHistoryInbox x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdateReadHistoryOutbox x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdateReadMessagesContents x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdateWebPage x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdateFolderPeers x) {
            return onCommon(u, x.pts(), x.ptsCount());
        } else if (u instanceof UpdatePinnedMessages x) {
            return onCommon(u, x.pts(), x.ptsCount());
        }
        return null;
    }

    private static SequencedUpdate channel(Update u) {
        if (u instanceof UpdateNewChannelMessage x) {
            return onChannel(u, channelOf(x.message()), x.pts(), x.ptsCount());
        } else if (u instanceof UpdateEditChannelMessage x) {
            return onChannel(u, channelOf(x.message()), x.pts(), x.ptsCount());
        } else if (u instanceof UpdateDeleteChannelMessages x) {
            return onChannel(u, x.channelId(), x.pts(), x.ptsCount());
        } else if (u instanceof UpdateChannelWebPage x) {
            return onChannel(u, x.channelId(), x.pts(), x.ptsCount());
        } else if (u instanceof UpdatePinnedChannelMessages x) {
            return onChannel(u, x.channelId(), x.pts(), x.ptsCount());
        }
        return null;
    }

    private static SequencedUpdate qts(Update u) {
        int qts;
        if (u instanceof UpdateNewEncryptedMessage x) {
            qts = x.qts();
        } else if (u instanceof UpdateMessagePollVote x) {
            qts = x.qts();
        } else if (u instanceof UpdateChatParticipant x) {
            qts = x.qts();
        } else if (u instanceof UpdateChannelParticipant x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotStopped x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotChatInviteRequester x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotChatBoost x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotMessageReaction x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotMessageReactions x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotBusinessConnect x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotNewBusinessMessage x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotEditBusinessMessage x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotDeleteBusinessMessage x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotPurchasedPaidMedia x) {
            qts = x.qts();
        } else if (u instanceof UpdateManagedBot x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotGuestChatQuery x) {
            qts = x.qts();
        } else if (u instanceof UpdateBotStarsSubscription x) {
            qts = x.qts();
        } else {
            return null;
        }
        return new SequencedUpdate(u, UpdateBox.Qts.INSTANCE, qts, 1);
    }

    private static SequencedUpdate onCommon(Update u, int pts, int count) {
        return new SequencedUpdate(u, UpdateBox.Common.INSTANCE, pts, count);
    }

    /** A channel update whose message names no channel (an empty message without peer) takes no place. */
    private static SequencedUpdate onChannel(Update u, long channelId, int pts, int count) {
        return channelId == 0 ? null : new SequencedUpdate(u, new UpdateBox.Channel(channelId), pts, count);
    }

    /** @return the channel a channel message belongs to, or 0 */
    static long channelOf(MessageType m) {
        Peer p = m instanceof Message x ? x.peerId() : m instanceof MessageService x ? x.peerId()
                : m instanceof MessageEmpty x ? x.peerId() : null;
        return p instanceof PeerChannel c ? c.channelId() : 0;
    }
}
