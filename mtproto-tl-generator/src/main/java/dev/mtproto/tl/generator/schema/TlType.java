package dev.mtproto.tl.generator.schema;

/**
 * A type as written in a TL declaration.
 *
 * <p>The forms are closed: a named type ({@code int}, {@code Message}, {@code %Message},
 * {@code future_salt}), a vector of a type ({@code Vector<long>}, {@code vector<%Message>}), the flags
 * word {@code #}, and a type variable of a polymorphic function ({@code X}, {@code !X}).
 */
public sealed interface TlType {

    /**
     * A named type.
     *
     * @param name the name, possibly with a namespace ({@code messages.Messages})
     * @param bare {@code true} when written with {@code %} or when the name is a constructor's
     *     (lower-case) name: the value is serialized without its constructor id
     */
    record Named(String name, boolean bare) implements TlType {
        @Override
        public String toString() {
            return bare && Character.isUpperCase(simpleName(name).charAt(0)) ? "%" + name : name;
        }
    }

    /**
     * A vector: {@code Vector<T>} is boxed (it starts with the id of {@code vector}), {@code vector<T>}
     * is bare (count and elements only).
     *
     * @param element the element type
     * @param bare whether the vector itself is bare
     */
    record Vector(TlType element, boolean bare) implements TlType {
        @Override
        public String toString() {
            return (bare ? "vector<" : "Vector<") + element + ">";
        }
    }

    /** The {@code #} type: a 32-bit word of flags that other fields of the combinator refer to. */
    record FlagsWord() implements TlType {
        @Override
        public String toString() {
            return "#";
        }
    }

    /**
     * A type variable of a polymorphic function such as {@code invokeWithLayer {X:Type} ... query:!X = X}.
     *
     * @param name the variable's name
     * @param bang {@code true} for {@code !X}: a serialized function whose result type is {@code X}
     */
    record TypeVariable(String name, boolean bang) implements TlType {
        @Override
        public String toString() {
            return (bang ? "!" : "") + name;
        }
    }

    /**
     * The part of a TL name after its namespace.
     *
     * @param name a name such as {@code messages.getHistory} or {@code user}
     * @return {@code getHistory} or {@code user}
     */
    static String simpleName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /**
     * The namespace of a TL name.
     *
     * @param name a name such as {@code messages.getHistory}
     * @return {@code messages}, or the empty string for names without one
     */
    static String namespace(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
