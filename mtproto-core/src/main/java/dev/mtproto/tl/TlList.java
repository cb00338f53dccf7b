package dev.mtproto.tl;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * The immutable list that generated objects hold their vectors in: an array, no copies when decoding, no
 * {@code null} elements.
 *
 * @param <E> the element type
 */
public final class TlList<E> extends AbstractList<E> implements RandomAccess {
    private static final TlList<?> EMPTY = new TlList<>(new Object[0]);

    private final Object[] items;

    /** Takes ownership of {@code items}, which must hold no nulls and never change afterwards. */
    TlList(Object[] items) {
        this.items = items;
    }

    /**
     * @param <E> the element type
     * @return the empty list
     */
    @SuppressWarnings("unchecked")
    public static <E> TlList<E> of() {
        return (TlList<E>) EMPTY;
    }

    /**
     * @param items the elements
     * @param <E> the element type
     * @return an immutable list of a copy of {@code items}
     * @throws NullPointerException if an element is null
     */
    @SafeVarargs
    public static <E> TlList<E> of(E... items) {
        return copyOf(Arrays.asList(items), "list");
    }

    /**
     * Returns {@code list} itself when it already is a {@code TlList}, otherwise an immutable copy.
     *
     * @param list the elements
     * @param label the field being set, for messages
     * @param <E> the element type
     * @return an immutable list with the same elements
     * @throws NullPointerException if {@code list} or one of its elements is null
     */
    @SuppressWarnings("unchecked")
    public static <E> TlList<E> copyOf(Collection<? extends E> list, String label) {
        Objects.requireNonNull(list, () -> label + " is required");
        if (list instanceof TlList<?> tl) {
            return (TlList<E>) tl;
        }
        Object[] items = list.toArray();
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                throw new NullPointerException(label + "[" + i + "] is null");
            }
        }
        return items.length == 0 ? of() : new TlList<>(items);
    }

    /**
     * Copies {@code list}, copying each element with {@code copier} too (for elements that are themselves
     * mutable, such as byte arrays).
     *
     * @param list the elements
     * @param label the field being set, for messages
     * @param copier makes an immutable copy of one element
     * @param <E> the element type
     * @return an immutable deep copy
     * @throws NullPointerException if {@code list} or one of its elements is null
     */
    public static <E> TlList<E> copyOf(Collection<? extends E> list, String label, UnaryOperator<E> copier) {
        Objects.requireNonNull(list, () -> label + " is required");
        Object[] items = list.toArray();
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                throw new NullPointerException(label + "[" + i + "] is null");
            }
            @SuppressWarnings("unchecked")
            E e = (E) items[i];
            items[i] = copier.apply(e);
        }
        return items.length == 0 ? of() : new TlList<>(items);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) items[Objects.checkIndex(index, items.length)];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    /** Compares element by element; elements that are arrays ({@code Vector<bytes>}) are compared by content. */
    @Override
    public boolean equals(Object o) {
        if (o instanceof TlList<?> other) {
            return Arrays.deepEquals(items, other.items);
        }
        return super.equals(o);
    }

    /** Consistent with {@link #equals(Object)}: array elements are hashed by content. */
    @Override
    public int hashCode() {
        return Arrays.deepHashCode(items);
    }
}
