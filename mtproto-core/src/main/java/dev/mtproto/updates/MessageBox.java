package dev.mtproto.updates;

import dev.mtproto.store.UpdateState;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateChannelTooLong;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdatePtsChanged;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdateShortChatMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesCombined;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.UserType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The account's update state and the rules of https://core.telegram.org/api/updates, without I/O: fed every
 * {@code Updates} object and every difference answer, it tells its {@link BoxOutput} what to deliver, in
 * order, and what to fetch. Time is passed in (nanos), so tests drive it without sleeping. Not thread-safe:
 * the engine calls it from one thread at a time.
 */
final class MessageBox {
    static final int HELD_LIMIT = 1_000;

    private final BoxOutput out;
    private final long holdNanos;
    private final LongPredicate knowsUser;
    private final SequenceGate common;
    private final SequenceGate qts;
    private final ChannelGates channels;
    private final List<Held> seqHeld = new ArrayList<>();
    private long seqDeadline = -1;
    private int seq;
    private int date;
    private long selfId;

    /** A container that came before its turn in {@code seq}. */
    private record Held(Updates updates, UpdateOrigin origin) {
    }

    /**
     * @param out where decisions go
     * @param state the stored state, or null when there is none ({@code updates.getState} is then asked for)
     * @param channelPts the stored channel positions
     * @param holdNanos how long an update may wait for those before it (about half a second)
     * @param knowsUser whether the client has a usable access hash for a user (short updates from unknown
     *     users are fetched in full instead)
     */
    MessageBox(BoxOutput out, UpdateState state, Map<Long, Integer> channelPts, long holdNanos, LongPredicate knowsUser) {
        this.out = out;
        this.holdNanos = holdNanos;
        this.knowsUser = knowsUser;
        this.common = new SequenceGate(state == null ? -1 : state.pts(), HELD_LIMIT);
        this.qts = new SequenceGate(state == null ? -1 : state.qts(), HELD_LIMIT);
        if (state != null) {
            seq = state.seq();
            date = state.date();
        }
        this.channels = new ChannelGates(channelPts);
    }

    void selfId(long id) {
        selfId = id;
    }

    /** @return whether the common position is known (a stored state, or {@code updates.getState} answered) */
    boolean hasState() {
        return common.known();
    }

    /** @return the common state now */
    UpdateState state() {
        return new UpdateState(common.position(), qts.position(), seq, date);
    }

    /** @return the channels whose position moved since the last call, with their positions; clears the record */
    Map<Long, Integer> takeChangedChannels() {
        return channels.takeChanged();
    }

    /** @return the channels with a known position */
    Map<Long, Integer> channelPositions() {
        return channels.positions();
    }

    /**
     * Starts: without a state, {@code updates.getState} is asked for (updates wait for it); with one and
     * {@code catchUp}, the difference since it, and for every channel with a position its own.
     *
     * @param catchUp whether to fetch what was missed since the stored state
     * @param now the time (nanos)
     */
    void start(boolean catchUp, long now) {
        if (!common.known() || !catchUp) {
            common.startFetch(now);
            qts.startFetch(now);
            out.fetchState();
            return;
        }
        common.startFetch(now);
        qts.startFetch(now);
        out.fetchCommon();
        channels.forEach((id, g) -> {
            g.startFetch(now);
            out.fetchChannel(id, g.position());
        });
    }

    /**
     * @param s what {@code updates.getState} answered: the position from now on
     * @param now the time (nanos)
     */
    void stateFetched(dev.mtproto.tl.api.updates.State s, long now) {
        common.moveTo(s.pts());
        qts.moveTo(s.qts());
        seq = s.seq();
        date = s.date();
        common.endFetch(now, holdNanos);
        qts.endFetch(now, holdNanos);
        drainCommon();
    }

    /**
     * Takes in one {@code Updates} object.
     *
     * @param updates what arrived
     * @param origin pushed, or our own call's result
     * @param call the call it answers, for {@link UpdateOrigin#OWN_CALL}
     * @param now the time (nanos)
     */
    void process(UpdatesType updates, UpdateOrigin origin, TlMethod<?> call, long now) {
        if (updates instanceof Updates u) {
            container(u, origin, now);
        } else if (updates instanceof UpdatesCombined c) {
            container(new Updates(c.updates(), c.users(), c.chats(), c.date(), c.seq()), origin, now, c.seqStart());
        } else if (updates instanceof UpdateShort s) {
            one(s.update(), List.of(), List.of(), origin, now);
            date = Math.max(date, s.date());
        } else if (updates instanceof UpdateShortMessage s) {
            shortMessage(ShortUpdates.expand(s, selfId), knowsUser.test(s.userId()), origin, now);
        } else if (updates instanceof UpdateShortChatMessage s) {
            shortMessage(ShortUpdates.expand(s), knowsUser.test(s.fromId()), origin, now);
        } else if (updates instanceof UpdateShortSentMessage s) {
            UpdateNewMessage full = ShortUpdates.expand(s, call, selfId);
            if (full != null) {
                shortMessage(full, true, origin, now);
            } else {
                // not rebuildable: the position still moves, so the next update is not taken for a gap
                offer(new HeldUpdate(new SequencedUpdate(null, UpdateBox.Common.INSTANCE, s.pts(), s.ptsCount()), List.of(), List.of(), origin), now);
            }
        } else if (updates instanceof UpdatesTooLong) {
            common.dueNow(now);
            tick(now);
        }
    }

    private void shortMessage(UpdateNewMessage full, boolean senderKnown, UpdateOrigin origin, long now) {
        SequencedUpdate s = SequencedUpdate.of(full);
        if (!senderKnown && s.box() != null) {
            // https://core.telegram.org/api/updates#recovering-gaps: a short update naming an unknown user is fetched in full
            common.holdForFetch(new HeldUpdate(s, List.of(), List.of(), origin), now);
            tick(now);
            return;
        }
        one(full, List.of(), List.of(), origin, now);
        date = Math.max(date, full.message() instanceof dev.mtproto.tl.api.Message m ? m.date() : date);
    }

    private void container(Updates u, UpdateOrigin origin, long now) {
        container(u, origin, now, u.seq());
    }

    private void container(Updates u, UpdateOrigin origin, long now, int seqStart) {
        if (seqStart != 0 && seq != 0 && !common.fetching()) {
            if (seqStart <= seq) {
                // applied already (https://core.telegram.org/api/updates#seq): only sequenced updates are looked at, and ignored if seen
                for (Update x : u.updates()) {
                    SequencedUpdate s = SequencedUpdate.of(x);
                    if (s.box() != null) {
                        offer(new HeldUpdate(s, u.users(), u.chats(), origin), now);
                    }
                }
                return;
            }
            if (seqStart > seq + 1) {
                seqHeld.add(new Held(u, origin));
                if (seqDeadline < 0) {
                    seqDeadline = now + holdNanos;
                }
                return;
            }
        }
        applyContainer(u, origin, now);
        drainSeq(now, false);
    }

    private void applyContainer(Updates u, UpdateOrigin origin, long now) {
        for (Update x : u.updates()) {
            one(x, u.users(), u.chats(), origin, now);
        }
        if (u.seq() != 0) {
            seq = Math.max(seq, u.seq());
        }
        date = Math.max(date, u.date());
    }

    /** Applies held containers whose turn has come; {@code force} applies them all, in seq order, ignoring gaps. */
    private void drainSeq(long now, boolean force) {
        boolean progressed = true;
        while (progressed && !seqHeld.isEmpty()) {
            progressed = false;
            seqHeld.sort((a, b) -> Integer.compare(a.updates().seq(), b.updates().seq()));
            Held first = seqHeld.get(0);
            int start = first.updates().seq();
            if (start <= seq) {
                seqHeld.remove(0);
                progressed = true;
            } else if (start == seq + 1 || force) {
                seqHeld.remove(0);
                applyContainer(first.updates(), first.origin(), now);
                progressed = true;
            }
        }
        seqDeadline = seqHeld.isEmpty() ? -1 : seqDeadline;
    }

    /** One update of a container, a short form or a difference's other updates. */
    void one(Update x, List<UserType> users, List<ChatType> chats, UpdateOrigin origin, long now) {
        if (x instanceof UpdateChannelTooLong t) {
            SequenceGate g = channels.get(t.channelId());
            if (g == null && t.pts() != null) {
                g = channels.getOrCreate(t.channelId(), t.pts());
            }
            if (g != null) {
                g.dueNow(now);
            }
            tick(now);
            out.deliver(x, users, chats, origin, t.channelId());
            return;
        }
        if (x instanceof UpdatePtsChanged) {
            common.startFetch(now);
            qts.startFetch(now);
            out.fetchState();
            return;
        }
        SequencedUpdate s = SequencedUpdate.of(x);
        if (s.box() == null) {
            out.deliver(x, users, chats, origin, 0);
        } else {
            offer(new HeldUpdate(s, users, chats, origin), now);
        }
    }

    private void offer(HeldUpdate h, long now) {
        SequenceGate g = gate(h.update().box());
        if (g == null) {
            return;
        }
        switch (g.offer(h, now, holdNanos)) {
            case APPLY -> {
                applied(h);
                drain(g, h.update().box());
            }
            case ALREADY_APPLIED, HELD -> {
            }
        }
    }

    private void applied(HeldUpdate h) {
        SequencedUpdate s = h.update();
        long channelId = s.box() instanceof UpdateBox.Channel c ? c.channelId() : 0;
        if (channelId != 0) {
            channels.moved(channelId, s.pts());
        }
        if (s.update() != null) {
            out.deliver(s.update(), h.users(), h.chats(), h.origin(), channelId);
        }
    }

    private void drain(SequenceGate g, UpdateBox box) {
        for (HeldUpdate next = g.nextInOrder(); next != null; next = g.nextInOrder()) {
            applied(next);
        }
        if (box instanceof UpdateBox.Channel c) {
            channels.moved(c.channelId(), g.position());
        }
    }

    void drainChannel(long channelId) {
        SequenceGate g = channels.get(channelId);
        if (g != null) {
            drain(g, new UpdateBox.Channel(channelId));
        }
    }

    void drainCommon() {
        drain(common, UpdateBox.Common.INSTANCE);
        drain(qts, UpdateBox.Qts.INSTANCE);
    }

    private SequenceGate gate(UpdateBox box) {
        if (box instanceof UpdateBox.Channel c) {
            return channels.getOrCreate(c.channelId(), -1);
        }
        return box == UpdateBox.Qts.INSTANCE ? qts : common;
    }

    SequenceGate commonGate() {
        return common;
    }

    SequenceGate qtsGate() {
        return qts;
    }

    SequenceGate channelGate(long channelId) {
        return channels.get(channelId);
    }

    /** A channel whose pushes were not taken: fetched from where it was (or from before the first one not taken). */
    void channelDue(long channelId, int positionIfUnknown, long now) {
        SequenceGate g = channels.getOrCreate(channelId, positionIfUnknown);
        if (g != null) {
            g.dueNow(now);
        }
    }

    /** A channel's position moved by a difference: recorded for storing like an applied update. */
    void channelMoved(long channelId, int pts) {
        channels.moved(channelId, pts);
    }

    void forgetChannel(long channelId) {
        channels.forget(channelId);
    }

    void setSeqAndDate(int newSeq, int newDate) {
        seq = newSeq;
        date = Math.max(date, newDate);
    }

    /**
     * Ends waits that have lasted long enough: asks for the differences they need.
     *
     * @param now the time (nanos)
     */
    void tick(long now) {
        if (seqDeadline >= 0 && now - seqDeadline >= 0) {
            seqDeadline = -1;
            drainSeq(now, true); // a container lost for good: what came after it is applied, and the difference fetched
            common.dueNow(now);
        }
        if (common.due(now) || qts.due(now)) {
            common.startFetch(now);
            qts.startFetch(now);
            out.fetchCommon();
        }
        channels.forEach((id, g) -> {
            if (g.due(now)) {
                g.startFetch(now);
                out.fetchChannel(id, g.position());
            }
        });
    }

    /**
     * The watchdog for channels (https://core.telegram.org/api/updates#recovering-gaps): a channel that was
     * active within {@code activeWindow} but silent for {@code idle} has its difference fetched, at most once
     * per {@code idle}; channels silent for longer are left alone (the account is probably not in them any more).
     */
    void pollIdleChannels(long now, long idle, long activeWindow) {
        channels.forEach((id, g) -> g.idlePoll(now, idle, activeWindow));
    }

    /** @return the earliest time a wait ends (nanos), or -1 when nothing waits */
    long nextDeadline() {
        return ChannelGates.earliest(ChannelGates.earliest(seqDeadline, ChannelGates.earliest(common.deadline(), qts.deadline())), channels.earliestDeadline());
    }

    BoxOutput output() {
        return out;
    }

    long holdNanos() {
        return holdNanos;
    }
}
