package dev.mtproto.session;

/**
 * The replay window: the last {@code capacity} msg_ids received in a session. An id is accepted once; an
 * id already seen, or older than everything the window still remembers once it has forgotten some, is
 * refused. It lives as long as the session, across reconnects, so a frame replayed on a new connection is
 * refused too. Each id may carry a mark (the client marks the content-related messages, to answer
 * {@code msgs_state_req}).
 *
 * <p>Memory follows use: the window starts small and doubles up to {@code capacity} as ids arrive, and
 * {@link #forgetOlderThan} drops ids too old to matter and shrinks it back, so an idle session holds a few
 * hundred bytes rather than the ~70 KB of a full window of 4,096. Constant time per message; it allocates
 * only when it grows or shrinks. Not thread-safe.
 */
public final class ReceivedMessageIds {
    private static final int SMALLEST = 16;

    private final int capacity;
    /** Ids in arrival order, a ring of {@code size} ids from {@code head}. */
    private long[] ring;
    private boolean[] marks;
    /** Open addressing over the ring: ring index + 1, 0 for a free slot; at least twice the ring's length. */
    private int[] table;
    private int mask;
    private int head;
    private int size;
    private long floor = Long.MIN_VALUE;

    /**
     * @param capacity how many ids to remember at most (at least 16)
     */
    public ReceivedMessageIds(int capacity) {
        if (capacity < SMALLEST) {
            throw new IllegalArgumentException("capacity must be at least " + SMALLEST + ", got " + capacity);
        }
        this.capacity = capacity;
        resize(SMALLEST);
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
     * Records an id, unmarked, if it is new.
     *
     * @param msgId the id of a received message (never 0)
     * @return whether it is new, a duplicate, or too old to tell
     */
    public Verdict accept(long msgId) {
        return accept(msgId, false);
    }

    /**
     * Records an id if it is new.
     *
     * @param msgId the id of a received message (never 0)
     * @param mark what {@link #isMarked} says about it later
     * @return whether it is new, a duplicate, or too old to tell
     */
    public Verdict accept(long msgId, boolean mark) {
        Verdict verdict = check(msgId);
        if (verdict != Verdict.NEW) {
            return verdict;
        }
        if (size == ring.length) {
            if (ring.length < capacity) {
                resize(Math.min(capacity, ring.length * 2));
            } else {
                evictOldest();
            }
        }
        int at = (head + size) % ring.length;
        ring[at] = msgId;
        marks[at] = mark;
        size++;
        int i = slot(msgId);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = at + 1;
        return Verdict.NEW;
    }

    /**
     * @param msgId an id
     * @return whether it is among the remembered ids
     */
    public boolean contains(long msgId) {
        return indexOf(msgId) >= 0;
    }

    /**
     * @param msgId an id
     * @return whether it is remembered and was accepted with a mark
     */
    public boolean isMarked(long msgId) {
        int at = indexOf(msgId);
        return at >= 0 && marks[at];
    }

    /** @return the largest id that was forgotten; ids at or below it are refused */
    public long floor() {
        return floor;
    }

    /** @return how many ids are remembered */
    public int size() {
        return size;
    }

    /**
     * Forgets the ids, oldest first, that are below {@code msgId} (ids so old that the time window refuses
     * them anyway), raising {@link #floor()} to them, and gives back memory the window no longer needs.
     *
     * @param msgId the oldest id worth remembering
     */
    public void forgetOlderThan(long msgId) {
        while (size > 0 && ring[head] < msgId) {
            evictOldest();
        }
        int wanted = ring.length;
        while (wanted > SMALLEST && size <= wanted / 4) {
            wanted /= 2;
        }
        if (wanted != ring.length) {
            resize(wanted);
        }
    }

    private int indexOf(long msgId) {
        int i = slot(msgId);
        while (table[i] != 0) {
            if (ring[table[i] - 1] == msgId) {
                return table[i] - 1;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void evictOldest() {
        long evicted = ring[head];
        removeFromTable(head);
        head = (head + 1) % ring.length;
        size--;
        if (evicted > floor) {
            floor = evicted;
        }
    }

    private void removeFromTable(int ringIndex) {
        int i = slot(ring[ringIndex]);
        while (table[i] != ringIndex + 1) {
            if (table[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps probe chains intact without tombstones
        int hole = i;
        int j = (i + 1) & mask;
        while (table[j] != 0) {
            int home = slot(ring[table[j] - 1]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                table[hole] = table[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        table[hole] = 0;
    }

    /** Moves the remembered ids, oldest first, into arrays of {@code length} and rebuilds the table. */
    private void resize(int length) {
        long[] newRing = new long[length];
        boolean[] newMarks = new boolean[length];
        for (int k = 0; k < size; k++) {
            int from = (head + k) % ring.length;
            newRing[k] = ring[from];
            newMarks[k] = marks[from];
        }
        ring = newRing;
        marks = newMarks;
        head = 0;
        table = new int[Integer.highestOneBit(length * 2 - 1) << 1]; // a power of two, at least twice the ring
        mask = table.length - 1;
        for (int k = 0; k < size; k++) {
            int i = slot(ring[k]);
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = k + 1;
        }
    }
}
