package dev.mtproto.updates;

import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.updates.ChannelDifference;
import dev.mtproto.tl.api.updates.ChannelDifferenceEmpty;
import dev.mtproto.tl.api.updates.ChannelDifferenceTooLong;
import dev.mtproto.tl.api.updates.ChannelDifferenceType;
import dev.mtproto.tl.api.updates.Difference;
import dev.mtproto.tl.api.updates.DifferenceEmpty;
import dev.mtproto.tl.api.updates.DifferenceSlice;
import dev.mtproto.tl.api.updates.DifferenceTooLong;
import dev.mtproto.tl.api.updates.DifferenceType;
import dev.mtproto.tl.api.updates.State;
import java.time.Duration;
import java.util.List;

/**
 * Applies the answers of {@code updates.getDifference} and {@code updates.getChannelDifference} to a
 * {@link MessageBox} (https://core.telegram.org/api/updates#recovering-gaps): new messages and other updates
 * delivered in order, slices followed to the end, too-long answers reported as losses, and the updates that
 * waited meanwhile checked again (most turn out to be applied by then).
 */
final class DifferenceApplier {
    private final MessageBox box;
    private final BoxOutput out;

    DifferenceApplier(MessageBox box) {
        this.box = box;
        this.out = box.output();
    }

    /**
     * @param d the answer
     * @param now the time (nanos)
     * @return whether another {@code updates.getDifference} is needed (a slice, or after too long)
     */
    boolean common(DifferenceType d, long now) {
        SequenceGate common = box.commonGate();
        int from = common.positionAtFetch();
        if (d instanceof DifferenceEmpty e) {
            box.setSeqAndDate(e.seq(), e.date());
            return finishCommon(from, now);
        }
        if (d instanceof DifferenceTooLong t) {
            out.event(new UpdateEngineEvent.UpdatesLost(UpdateEngineEvent.Sequence.COMMON, 0, common.position(), t.pts(), List.of()));
            common.moveTo(t.pts());
            return true;
        }
        if (d instanceof Difference full) {
            deliverCommon(full.newMessages(), full.otherUpdates(), full.users(), full.chats(), now);
            moveTo(full.state());
            return finishCommon(from, now);
        }
        DifferenceSlice slice = (DifferenceSlice) d;
        deliverCommon(slice.newMessages(), slice.otherUpdates(), slice.users(), slice.chats(), now);
        moveTo((State) slice.intermediateState());
        return true;
    }

    private void moveTo(dev.mtproto.tl.api.updates.StateType state) {
        State s = (State) state;
        box.commonGate().moveTo(s.pts());
        box.qtsGate().moveTo(s.qts());
        box.setSeqAndDate(s.seq(), s.date());
    }

    private void deliverCommon(List<MessageType> messages, List<Update> others, List<UserType> users, List<ChatType> chats, long now) {
        for (MessageType m : messages) {
            out.deliver(new UpdateNewMessage(m, 0, 0), users, chats, UpdateOrigin.DIFFERENCE, 0);
        }
        for (Update u : others) {
            SequencedUpdate s = SequencedUpdate.of(u);
            if (s.box() instanceof UpdateBox.Channel) {
                box.one(u, users, chats, UpdateOrigin.DIFFERENCE, now); // a channel's update keeps its own check
            } else if (s.box() == null) {
                box.one(u, users, chats, UpdateOrigin.DIFFERENCE, now);
            } else {
                out.deliver(u, users, chats, UpdateOrigin.DIFFERENCE, 0); // within the difference: in order by definition
            }
        }
    }

    private boolean finishCommon(int from, long now) {
        SequenceGate common = box.commonGate();
        Duration took = Duration.ofNanos(now - common.fetchStartedNanos());
        common.endFetch(now, box.holdNanos());
        box.qtsGate().endFetch(now, box.holdNanos());
        if (common.position() != from) {
            out.event(new UpdateEngineEvent.GapRecovered(UpdateEngineEvent.Sequence.COMMON, 0, from, common.position(), took));
        }
        box.drainCommon();
        return false;
    }

    /**
     * @param channelId the channel
     * @param d the answer
     * @param now the time (nanos)
     * @return whether another {@code updates.getChannelDifference} is needed (the answer was not final)
     */
    boolean channel(long channelId, ChannelDifferenceType d, long now) {
        SequenceGate g = box.channelGate(channelId);
        if (g == null) {
            return false;
        }
        int from = g.positionAtFetch();
        boolean isFinal;
        if (d instanceof ChannelDifferenceEmpty e) {
            g.moveTo(e.pts());
            isFinal = e.final_();
        } else if (d instanceof ChannelDifferenceTooLong t) {
            int pts = t.dialog() instanceof Dialog dialog && dialog.pts() != null ? dialog.pts() : g.position();
            out.event(new UpdateEngineEvent.UpdatesLost(UpdateEngineEvent.Sequence.CHANNEL, channelId, g.position(), pts, t.messages()));
            deliverChannel(channelId, t.messages(), List.of(), t.users(), t.chats());
            g.moveTo(pts);
            isFinal = t.final_();
        } else {
            ChannelDifference c = (ChannelDifference) d;
            deliverChannel(channelId, c.newMessages(), c.otherUpdates(), c.users(), c.chats());
            g.moveTo(c.pts());
            isFinal = c.final_();
        }
        box.channelMoved(channelId, g.position()); // every answer moves the stored position, not only the last
        if (!isFinal) {
            return true;
        }
        Duration took = Duration.ofNanos(now - g.fetchStartedNanos());
        g.endFetch(now, box.holdNanos());
        if (g.position() != from) {
            out.event(new UpdateEngineEvent.GapRecovered(UpdateEngineEvent.Sequence.CHANNEL, channelId, from, g.position(), took));
        }
        box.drainChannel(channelId);
        return false;
    }

    private void deliverChannel(long channelId, List<MessageType> messages, List<Update> others, List<UserType> users, List<ChatType> chats) {
        for (MessageType m : messages) {
            out.deliver(new UpdateNewChannelMessage(m, 0, 0), users, chats, UpdateOrigin.DIFFERENCE, channelId);
        }
        for (Update u : others) {
            out.deliver(u, users, chats, UpdateOrigin.DIFFERENCE, channelId);
        }
    }
}
