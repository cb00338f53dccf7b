package dev.mtproto.session;

/**
 * The replay window: the last {@code capacity} msg_ids received in a session. An id is accepted once; an
 * id already seen, or older than everything the window still remembers once it is full, is refused. It
 * lives as long as the session, across reconnects, so a frame replayed on a new connection is refused
 * too. Constant time and no allocation per message. Not thread-safe.
 */
public final class ReceivedMessageIds {
    private final long[] ring;
    private final long[] table;
    private final int mask;
    private int size;
    private int next;
    private long floor = Long.MIN_VALUE;

    /**
     * @param capacity how many ids to remember (at least 16)
     */
    public ReceivedMessageIds(int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("capacity must be at least 16, got " + capacity);
        }
        ring = new long[capacity];
        int tableSize = Integer.highestOneBit(capacity * 4 - 1) << 1;
        table = new long[tableSize];
        mask = tableSize - 1;
    }

    /** What {@link #accept(long)} decided. */
    public enum Verdict {
        /** First time seen: process it. */
        NEW,
        /** Seen before: a duplicate or a replay. */
        DUPLICATE,
        /** Older than the oldest id the window remembers: cannot tell, so refuse. */
        TOO_OLD
    }

    /**
     * Says what {@link #accept} would decide, without recording anything.
     *
     * @param msgId the id of a received message (never 0)
     * @return whether it is new, a duplicate, or too old to tell
     */
    public Verdict check(long msgId) {
        if (contains(msgId)) {
            return Verdict.DUPLICATE;
        }
        return msgId <= floor ? Verdict.TOO_OLD : Verdict.NEW;
    }

    /**
     * Records an id if it is new.
     *
     * @param msgId the id of a received message (never 0)
     * @return whether it is new, a duplicate, or too old to tell
     */
    public Verdict accept(long msgId) {
        Verdict verdict = check(msgId);
        if (verdict != Verdict.NEW) {
            return verdict;
        }
        if (size == ring.length) {
            long evicted = ring[next];
            remove(evicted);
            size--;
            if (evicted > floor) {
                floor = evicted;
            }
        }
        ring[next] = msgId;
        next = (next + 1) % ring.length;
        size++;
        insert(msgId);
        return Verdict.NEW;
    }

    /**
     * @param msgId an id
     * @return whether it is among the remembered ids
     */
    public boolean contains(long msgId) {
        int i = slot(msgId);
        while (table[i] != 0) {
            if (table[i] == msgId) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** @return the largest id that was forgotten; ids at or below it are refused */
    public long floor() {
        return floor;
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void insert(long id) {
        int i = slot(id);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = id;
    }

    private void remove(long id) {
        int i = slot(id);
        while (table[i] != id) {
            if (table[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps probe chains intact without tombstones
        int hole = i;
        int j = (i + 1) & mask;
        while (table[j] != 0) {
            int home = slot(table[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                table[hole] = table[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        table[hole] = 0;
    }
}
