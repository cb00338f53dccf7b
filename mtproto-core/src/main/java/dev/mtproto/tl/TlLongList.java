package dev.mtproto.tl;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;

/** An immutable {@code List<Long>} over a {@code long[]}: TL's {@code Vector<long>} without boxing. */
public final class TlLongList extends AbstractList<Long> implements RandomAccess {
    private static final TlLongList EMPTY = new TlLongList(new long[0]);

    private final long[] values;

    /** Takes ownership of {@code values}. */
    TlLongList(long[] values) {
        this.values = values;
    }

    /**
     * @param values the elements
     * @return an immutable list of a copy of {@code values}
     */
    public static TlLongList of(long... values) {
        return values.length == 0 ? EMPTY : new TlLongList(values.clone());
    }

    /**
     * @param list the elements
     * @param label the field being set, for messages
     * @return {@code list} itself when it is a {@code TlLongList}, otherwise an immutable copy
     * @throws NullPointerException if {@code list} or an element is null
     */
    public static TlLongList copyOf(Collection<Long> list, String label) {
        Objects.requireNonNull(list, () -> label + " is required");
        if (list instanceof TlLongList tl) {
            return tl;
        }
        long[] values = new long[list.size()];
        int i = 0;
        for (Long v : list) {
            if (v == null) {
                throw new NullPointerException(label + "[" + i + "] is null");
            }
            values[i++] = v;
        }
        return i == 0 ? EMPTY : new TlLongList(values);
    }

    /**
     * @param index the position
     * @return the element, unboxed
     */
    public long getLong(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    /** @return a copy of the elements */
    public long[] toLongArray() {
        return values.clone();
    }

    @Override
    public Long get(int index) {
        return getLong(index);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof TlLongList other) {
            return Arrays.equals(values, other.values);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
