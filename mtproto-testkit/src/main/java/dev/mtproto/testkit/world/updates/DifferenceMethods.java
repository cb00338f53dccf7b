package dev.mtproto.testkit.world.updates;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.ChannelAccess;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerNotifySettings;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.updates.ChannelDifference;
import dev.mtproto.tl.api.updates.ChannelDifferenceEmpty;
import dev.mtproto.tl.api.updates.ChannelDifferenceTooLong;
import dev.mtproto.tl.api.updates.Difference;
import dev.mtproto.tl.api.updates.DifferenceEmpty;
import dev.mtproto.tl.api.updates.DifferenceSlice;
import dev.mtproto.tl.api.updates.DifferenceTooLong;
import dev.mtproto.tl.api.updates.GetChannelDifference;
import dev.mtproto.tl.api.updates.GetDifference;
import dev.mtproto.tl.api.updates.GetState;
import dev.mtproto.tl.api.updates.State;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code updates.getState}, {@code updates.getDifference} and {@code updates.getChannelDifference}
 * (https://core.telegram.org/api/updates), answered from the account's real state: its common box's pts,
 * its seq, its qts (a bot's {@code updateBotStopped} events, given in {@code other_updates}), the world's date.
 * <ul>
 *   <li>{@code getDifference}: {@code differenceEmpty} when the client is at the box's pts and qts (a qts
 *       ahead of the account's is taken as the account's);
 *       {@code differenceTooLong} with the box's pts when the gap is over the client's
 *       {@code pts_total_limit} or the world's {@link DifferenceLimits#tooLong}; {@code differenceSlice}
 *       with an {@code intermediate_state} (the pts of its last message) when more events are waiting than
 *       {@link DifferenceLimits#slice} (or the client's {@code pts_limit}); else {@code difference} with the
 *       state now. Errors: {@code 400 PERSISTENT_TIMESTAMP_EMPTY} (pts not positive),
 *       {@code 400 PERSISTENT_TIMESTAMP_INVALID} (pts ahead of the box).</li>
 *   <li>{@code getChannelDifference}: {@code channelDifferenceEmpty} ({@code final}, the channel's pts);
 *       {@code channelDifferenceTooLong} ({@code final}, the {@code dialog} with the channel's pts and the
 *       last {@code limit} messages) when the gap is over {@link DifferenceLimits#channelTooLong} or, for
 *       a person (not a bot), over the call's {@code limit}
 *       (https://core.telegram.org/constructor/updates.channelDifferenceTooLong); else
 *       {@code channelDifference} with at most {@code limit} messages, {@code final} when none are left.
 *       All carry {@link DifferenceLimits#channelTimeout}. {@code limit} is taken within 1..100000.</li>
 * </ul>
 * Each answer carries the users and chats its messages name, as the caller sees them.
 */
public final class DifferenceMethods {
    /** The largest {@code limit} of {@code updates.getChannelDifference} (its page). */
    public static final int MAX_CHANNEL_LIMIT = 100_000;

    private final Mailboxes boxes;
    private final DifferenceLimits limits;
    private final ChannelAccess channels;
    private final EntryPeers peers;

    /**
     * @param boxes the message boxes
     * @param limits how differences are cut
     * @param channels reads the channels named
     * @param peers finds the users and chats of an answer
     */
    public DifferenceMethods(Mailboxes boxes, DifferenceLimits limits, ChannelAccess channels, EntryPeers peers) {
        this.boxes = boxes;
        this.limits = limits;
        this.channels = channels;
        this.peers = peers;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetState.class, (m, c) -> state(c.account(), (int) c.nowSeconds()))
                .on(GetDifference.class, this::getDifference)
                .on(GetChannelDifference.class, this::getChannelDifference);
    }

    private State state(Account account, int now) {
        AccountState s = boxes.account(account.id()).state(now);
        return new State(s.pts(), s.qts(), s.date(), s.seq(), 0);
    }

    private Object getDifference(GetDifference m, Caller c) {
        Account viewer = c.account();
        int now = (int) c.nowSeconds();
        AccountBox account = boxes.account(viewer.id());
        MessageBox box = account.common();
        int remote = box.pts();
        int remoteQts = account.qts();
        checkPts(m.pts(), remote, c);
        int qts = Math.max(0, Math.min(m.qts(), remoteQts));
        long gap = (long) remote - m.pts();
        long tooLong = m.ptsTotalLimit() != null ? Math.min(Math.max(0, m.ptsTotalLimit()), limits.tooLong()) : limits.tooLong();
        if (gap > tooLong) {
            return new DifferenceTooLong(remote);
        }
        if (gap == 0 && qts == remoteQts) {
            return new DifferenceEmpty(now, account.seq());
        }
        int slice = m.ptsLimit() != null && m.ptsLimit() > 0 ? Math.min(m.ptsLimit(), limits.slice()) : limits.slice();
        List<BoxEntry> entries = box.after(m.pts(), slice);
        int qtsSlice = m.qtsLimit() != null && m.qtsLimit() > 0 ? Math.min(m.qtsLimit(), limits.slice()) : limits.slice();
        List<QtsEntry> qtsEntries = account.qtsAfter(qts, qtsSlice);
        boolean more = box.countAfter(m.pts()) > entries.size() || remoteQts - qts > qtsEntries.size();
        List<MessageType> messages = new ArrayList<>(entries.size());
        List<Update> others = new ArrayList<>(qtsEntries.size());
        List<MessageType> named = new ArrayList<>(entries.size());
        for (BoxEntry e : entries) {
            if (e.isMessage()) {
                messages.add(e.message());
            } else {
                others.add(e.update());
                UpdateMessages.of(e.update()).ifPresent(named::add);
            }
        }
        named.addAll(messages);
        List<Long> userIds = new ArrayList<>();
        qtsEntries.forEach(e -> {
            others.add(e.update());
            userIds.add(e.userId());
        });
        EntryPeers.Peers p = peers.of(viewer, named, 0, userIds, now);
        int pts = entries.isEmpty() ? m.pts() : entries.get(entries.size() - 1).pts();
        int newQts = qtsEntries.isEmpty() ? qts : qtsEntries.get(qtsEntries.size() - 1).qts();
        if (more) {
            int date = entries.isEmpty() ? now : entries.get(entries.size() - 1).date();
            return new DifferenceSlice(messages, List.of(), others, p.chats(), p.users(), new State(pts, newQts, date, account.seq(), 0));
        }
        return new Difference(messages, List.of(), others, p.chats(), p.users(), new State(pts, newQts, now, account.seq(), 0));
    }

    private Object getChannelDifference(GetChannelDifference m, Caller c) {
        Account viewer = c.account();
        int now = (int) c.nowSeconds();
        WorldChat chat = channels.channel(viewer, m.channel(), c.call().method().tlName());
        MessageBox box = boxes.channel(chat.id());
        int remote = box.pts();
        checkPts(m.pts(), remote, c);
        int limit = Math.max(1, Math.min(MAX_CHANNEL_LIMIT, m.limit()));
        int timeout = limits.channelTimeout();
        long gap = (long) remote - m.pts();
        if (gap == 0) {
            return new ChannelDifferenceEmpty(true, remote, timeout);
        }
        if (gap > limits.channelTooLong() || (!viewer.bot() && gap > limit)) {
            List<MessageType> last = new ArrayList<>();
            box.last(limit).forEach(s -> last.add(seenBy(viewer, s.message(), s.senderId())));
            EntryPeers.Peers p = peers.of(viewer, last, chat.id(), List.of(), now);
            int top = box.lastMessageId();
            Dialog dialog = Dialog.builder().peer(new PeerChannel(chat.id())).topMessage(top).readInboxMaxId(top).readOutboxMaxId(top)
                    .unreadCount(0).unreadMentionsCount(0).unreadReactionsCount(0).unreadPollVotesCount(0)
                    .notifySettings(PeerNotifySettings.builder().build()).pts(remote).build();
            return new ChannelDifferenceTooLong(true, timeout, dialog, last, p.chats(), p.users());
        }
        List<BoxEntry> entries = box.after(m.pts(), limit);
        boolean more = box.countAfter(m.pts()) > entries.size();
        List<MessageType> messages = new ArrayList<>();
        List<Update> others = new ArrayList<>();
        for (BoxEntry e : entries) {
            if (e.isMessage()) {
                messages.add(seenBy(viewer, e.message(), e.senderId()));
            } else {
                others.add(e.update());
            }
        }
        List<MessageType> named = new ArrayList<>(messages);
        others.forEach(u -> UpdateMessages.of(u).ifPresent(named::add));
        EntryPeers.Peers p = peers.of(viewer, named, chat.id(), List.of(), now);
        return new ChannelDifference(!more, entries.get(entries.size() - 1).pts(), timeout, messages, others, p.chats(), p.users());
    }

    /** @return a channel's message as the viewer sees it: {@code out} on its own */
    private static MessageType seenBy(Account viewer, MessageType message, long senderId) {
        if (!(message instanceof Message m)) {
            return message;
        }
        boolean mine = senderId == viewer.id();
        return m.out() == mine ? m : m.toBuilder().out(mine).build();
    }

    /** https://core.telegram.org/method/updates.getDifference#possible-errors */
    private static void checkPts(int pts, int remote, Caller c) {
        if (pts <= 0) {
            throw WorldErrors.of(400, "PERSISTENT_TIMESTAMP_EMPTY", c.call());
        }
        if (pts > remote) {
            throw WorldErrors.of(400, "PERSISTENT_TIMESTAMP_INVALID", c.call());
        }
    }
}
