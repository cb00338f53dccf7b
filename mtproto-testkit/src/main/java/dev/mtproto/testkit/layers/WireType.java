package dev.mtproto.testkit.layers;

/**
 * How a field of a schema read at run time goes on the wire (https://core.telegram.org/mtproto/serialize):
 * a fixed or length-prefixed {@link Scalar}, a boxed object of a named type (its constructor id first), a
 * bare object of one constructor (no id), a vector, or any boxed object ({@code Object}, {@code X},
 * {@code !X}).
 */
sealed interface WireType {

    /** @return whether values of this type are {@link GenericObject}s */
    default boolean holdsObjects() {
        return false;
    }

    /** Values that are not objects, with the Java type a {@link GenericObject} holds them as. */
    enum Scalar implements WireType {
        /** {@code int}: {@link Integer}. */
        INT,
        /** {@code long}: {@link Long}. */
        LONG,
        /** {@code double}: {@link Double}. */
        DOUBLE,
        /** {@code string}: {@link String}. */
        STRING,
        /** {@code bytes}: {@code byte[]}. */
        BYTES,
        /** {@code int128}: {@code byte[16]}. */
        INT128,
        /** {@code int256}: {@code byte[32]}. */
        INT256,
        /** {@code Bool}: {@link Boolean}, written as {@code boolTrue} or {@code boolFalse}. */
        BOOL,
        /** {@code true}: no bytes; as {@code flags.N?true}, {@link Boolean#TRUE} when the bit is set. */
        TRUE,
        /** The boxed {@code True}: the id of {@code true#3fedd339}; {@link Boolean#TRUE}. */
        BOXED_TRUE,
        /** {@code #}: a flags word, computed from the optional fields when written. */
        FLAGS
    }

    /**
     * A boxed object of a named type.
     *
     * @param type the type's name, such as {@code Message} or {@code messages.Messages}
     */
    record Boxed(String type) implements WireType {
        @Override
        public boolean holdsObjects() {
            return true;
        }
    }

    /**
     * A bare object: the fields of one constructor without its id ({@code %Type} of a type with one
     * constructor, or a constructor's own name).
     *
     * @param name the constructor's or the type's name
     */
    record Bare(String name) implements WireType {
        @Override
        public boolean holdsObjects() {
            return true;
        }
    }

    /** Any boxed object, constructor or function: {@code Object}, a type variable {@code X}, {@code !X}. */
    record Any() implements WireType {
        @Override
        public boolean holdsObjects() {
            return true;
        }
    }

    /**
     * A vector, held as a {@link java.util.List}.
     *
     * @param element the elements' type
     * @param bare {@code true} for {@code vector<T>} (no vector id before the count)
     */
    record Vector(WireType element, boolean bare) implements WireType {
    }
}
