package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.MessageType;
import java.util.ArrayList;
import java.util.List;

/**
 * A message box with its pts (https://core.telegram.org/api/updates): an account's common box (its private
 * chats and basic groups, with that account's own message ids) or a channel's box (the channel's message
 * ids). Every new message takes the next message id and moves pts by 1. A new box starts at pts 1 with no
 * messages, as a new account's does. Thread-safe.
 */
public final class MessageBox {
    private final List<BoxEntry> entries = new ArrayList<>();
    private int pts = 1;
    private int lastMessageId;

    /** @return the message id the next message of this box gets */
    public synchronized int nextMessageId() {
        return lastMessageId + 1;
    }

    /**
     * Adds an event; its message must have the id {@link #nextMessageId()} gave.
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
        BoxEntry e = new BoxEntry(pts, ptsCount, message, senderId, date);
        entries.add(e);
        return e;
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
     * @return the last entries, oldest first
     */
    public synchronized List<BoxEntry> last(int max) {
        return new ArrayList<>(entries.subList(Math.max(0, entries.size() - max), entries.size()));
    }

    /** @return every entry, oldest first */
    public synchronized List<BoxEntry> all() {
        return new ArrayList<>(entries);
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
