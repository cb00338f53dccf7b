package dev.mtproto.tl;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;

/** An immutable {@code List<Integer>} over an {@code int[]}: TL's {@code Vector<int>} without boxing. */
public final class TlIntList extends AbstractList<Integer> implements RandomAccess {
    private static final TlIntList EMPTY = new TlIntList(new int[0]);

    private final int[] values;

    /** Takes ownership of {@code values}. */
    TlIntList(int[] values) {
        this.values = values;
    }

    /**
     * @param values the elements
     * @return an immutable list of a copy of {@code values}
     */
    public static TlIntList of(int... values) {
        return values.length == 0 ? EMPTY : new TlIntList(values.clone());
    }

    /**
     * @param list the elements
     * @param label the field being set, for messages
     * @return {@code list} itself when it is a {@code TlIntList}, otherwise an immutable copy
     * @throws NullPointerException if {@code list} or an element is null
     */
    public static TlIntList copyOf(Collection<Integer> list, String label) {
        Objects.requireNonNull(list, () -> label + " is required");
        if (list instanceof TlIntList tl) {
            return tl;
        }
        int[] values = new int[list.size()];
        int i = 0;
        for (Integer v : list) {
            if (v == null) {
                throw new NullPointerException(label + "[" + i + "] is null");
            }
            values[i++] = v;
        }
        return i == 0 ? EMPTY : new TlIntList(values);
    }

    /**
     * @param index the position
     * @return the element, unboxed
     */
    public int getInt(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    /** @return a copy of the elements */
    public int[] toIntArray() {
        return values.clone();
    }

    @Override
    public Integer get(int index) {
        return getInt(index);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof TlIntList other) {
            return Arrays.equals(values, other.values);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
