package dev.mtproto.tl;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/** Whole-tree operations over TL objects. */
public final class TlObjects {
    private TlObjects() {
    }

    /**
     * Visits {@code root} and every TL object inside it, depth first, parents before children, each object
     * as often as it occurs. Iterative: a deeply nested object cannot overflow the stack.
     *
     * @param root where to start
     * @param visitor receives every object
     */
    public static void walk(TlObject root, Consumer<? super TlObject> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        ArrayDeque<TlObject> pending = new ArrayDeque<>();
        pending.push(Objects.requireNonNull(root, "root"));
        ArrayDeque<TlObject> children = new ArrayDeque<>();
        while (!pending.isEmpty()) {
            TlObject o = pending.pop();
            visitor.accept(o);
            o.forEachChild(children::push);
            while (!children.isEmpty()) {
                pending.push(children.pop()); // keep field order: the first child is visited next
            }
        }
    }

    /**
     * Visits every object of one class in a tree.
     *
     * @param root where to start
     * @param type the class wanted
     * @param visitor receives every object of that class
     * @param <T> the class
     */
    public static <T> void walk(TlObject root, Class<T> type, Consumer<? super T> visitor) {
        walk(root, o -> {
            if (type.isInstance(o)) {
                visitor.accept(type.cast(o));
            }
        });
    }
}
