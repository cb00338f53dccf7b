package dev.mtproto.testkit.layers;

/**
 * Combinators by constructor id: an open-addressing table, so that looking an id up while reading boxes
 * nothing. Filled once, then read-only (safe to share once published).
 */
final class CombinatorIds {
    private final int[] ids;
    private final SchemaCombinator[] values;
    private final int mask;

    /** @param capacity at least how many entries it will hold */
    CombinatorIds(int capacity) {
        int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        ids = new int[size];
        values = new SchemaCombinator[size];
        mask = size - 1;
    }

    /**
     * @param combinator added under its id
     * @throws IllegalArgumentException if another combinator has the id
     */
    void put(SchemaCombinator combinator) {
        int i = slot(combinator.id());
        if (values[i] != null) {
            throw new IllegalArgumentException(combinator + " has the id of " + values[i]);
        }
        ids[i] = combinator.id();
        values[i] = combinator;
    }

    /** @return the combinator with that id, or {@code null} */
    SchemaCombinator get(int id) {
        return values[slot(id)];
    }

    private int slot(int id) {
        int i = (id * 0x9e3779b9) >>> 7 & mask;
        while (values[i] != null && ids[i] != id) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
