package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A message box with its pts (https://core.telegram.org/api/updates): an account's common box (its private
 * chats and basic groups, with that account's own message ids) or a channel's box (the channel's message
 * ids). Every new message takes the next message id and moves pts by 1; edits, deletions, pins and reads are
 * events that move pts too. Besides the events the box keeps its messages as they are now (edited, deleted),
 * for histories and searches. A new box starts at pts 1 with no messages, as a new account's does.
 * Thread-safe.
 */
public final class MessageBox {
    /**
     * A message as it is now.
     *
     * @param message the message (as the box's owner sees it; a channel's as a non-sender does)
     * @param senderId who sent it
     */
    public record Stored(MessageType message, long senderId) {
    }

    private final List<BoxEntry> entries = new ArrayList<>();
    private final TreeMap<Integer, Stored> current = new TreeMap<>();
    private int pts = 1;
    private int lastMessageId;

    /** @return the message id the next message of this box gets */
    public synchronized int nextMessageId() {
        return lastMessageId + 1;
    }

    /**
     * Adds a new message; it must have the id {@link #nextMessageId()} gave.
     *
     * @param ptsCount how much it moves pts
     * @param message the message
     * @param senderId who sent it
     * @param date when
     * @return the entry made
     */
    public synchronized BoxEntry add(int ptsCount, MessageType message, long senderId, int date) {
        pts += ptsCount;
        lastMessageId++;
        BoxEntry e = new BoxEntry(pts, ptsCount, message, null, senderId, date);
        entries.add(e);
        current.put(lastMessageId, new Stored(message, senderId));
        return e;
    }

    /**
     * Adds an event that is not a new message.
     *
     * @param ptsCount how much it moves pts
     * @param update makes the update from the pts the box is at after it
     * @param actorId who caused it
     * @param date when
     * @return the entry made
     */
    public synchronized BoxEntry addEvent(int ptsCount, IntFunction<Update> update, long actorId, int date) {
        pts += ptsCount;
        BoxEntry e = new BoxEntry(pts, ptsCount, null, update.apply(pts), actorId, date);
        entries.add(e);
        return e;
    }

    /**
     * @param id a message id of this box
     * @return the message as it is now, if it exists (not deleted)
     */
    public synchronized Optional<Stored> message(int id) {
        return Optional.ofNullable(current.get(id));
    }

    /**
     * Changes a message that exists (an edit, a reaction, a pin).
     *
     * @param id its id
     * @param message it as it is now
     * @return whether it existed
     */
    public synchronized boolean replace(int id, MessageType message) {
        Stored s = current.get(id);
        if (s == null) {
            return false;
        }
        current.put(id, new Stored(message, s.senderId()));
        return true;
    }

    /**
     * @param id a message id
     * @return whether it existed and is now gone
     */
    public synchronized boolean remove(int id) {
        return current.remove(id) != null;
    }

    /** @return the messages that exist now, by id (oldest first) */
    public synchronized NavigableMap<Integer, Stored> messages() {
        return new TreeMap<>(current);
    }

    /** @return the box's pts */
    public synchronized int pts() {
        return pts;
    }

    /** @return the id of the last message, 0 if none */
    public synchronized int lastMessageId() {
        return lastMessageId;
    }

    /**
     * @param afterPts a pts the client has
     * @param max at most how many entries
     * @return the entries with a pts above it, oldest first, at most {@code max}
     */
    public synchronized List<BoxEntry> after(int afterPts, int max) {
        int from = firstAbove(afterPts);
        return new ArrayList<>(entries.subList(from, Math.min(entries.size(), from + Math.max(0, max))));
    }

    /**
     * @param afterPts a pts the client has
     * @return how many entries have a pts above it
     */
    public synchronized int countAfter(int afterPts) {
        return entries.size() - firstAbove(afterPts);
    }

    /**
     * @param max at most how many
     * @return the last messages that exist now, oldest first
     */
    public synchronized List<Stored> last(int max) {
        List<Stored> all = new ArrayList<>(current.values());
        return new ArrayList<>(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    private int firstAbove(int afterPts) {
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).pts() <= afterPts) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
