package dev.mtproto.testkit.layers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How one field's value goes from a layer's type to another's, decided once per field when a
 * {@link TranslationPlan} is made: the same scalar as it is, {@code int} and {@code long} into each other,
 * {@code int} and {@code double} into each other, {@code flags.N?true} and {@code Bool} into each other,
 * {@code string} and {@code bytes} into each other, objects translated by constructor name, vectors element by element.
 */
sealed interface Conversion {

    /**
     * @param value the source value, not {@code null}
     * @param translator translates nested objects
     * @return the value in the target layer; {@code null} for none (a {@code false} flag);
     *     {@link LayerTranslator#DROPPED} for an object the target leaves out
     */
    Object apply(Object value, LayerTranslator translator);

    /**
     * @param from the source field's type
     * @param to the target field's type
     * @return the conversion, or {@code null} when values of {@code from} cannot become values of {@code to}
     */
    static Conversion between(WireType from, WireType to) {
        if (from.holdsObjects() && to.holdsObjects()) {
            return new ToObject(to);
        }
        if (from instanceof WireType.Vector a && to instanceof WireType.Vector b) {
            Conversion element = between(a.element(), b.element());
            return element == null ? null : element == Scalars.SAME ? Scalars.SAME : new EachElement(element);
        }
        if (from == to) {
            return Scalars.SAME;
        }
        for (Scalars c : Scalars.values()) {
            if (c.from == from && c.to == to) {
                return c;
            }
        }
        return null;
    }

    /** Scalar conversions, each from one scalar type to another. */
    enum Scalars implements Conversion {
        /** Any value to the same type (found by {@link #between} before the table). */
        SAME(null, null, v -> v),
        INT_TO_LONG(WireType.Scalar.INT, WireType.Scalar.LONG, v -> (long) (Integer) v),
        /** Keeps the low 32 bits, as an older layer's {@code int} id did. */
        LONG_TO_INT(WireType.Scalar.LONG, WireType.Scalar.INT, v -> (int) (long) (Long) v),
        /** A video's duration went from {@code int} seconds to {@code double}. */
        INT_TO_DOUBLE(WireType.Scalar.INT, WireType.Scalar.DOUBLE, v -> (double) (Integer) v),
        DOUBLE_TO_INT(WireType.Scalar.DOUBLE, WireType.Scalar.INT, v -> (int) Math.round((Double) v)),
        /** A set {@code flags.N?true} is {@code true}; an absent one never gets here (the field is neutral: {@code false}). */
        FLAG_TO_BOOL(WireType.Scalar.TRUE, WireType.Scalar.BOOL, v -> v),
        /** {@code false} is an absent flag. */
        BOOL_TO_FLAG(WireType.Scalar.BOOL, WireType.Scalar.TRUE, v -> Boolean.TRUE.equals(v) ? Boolean.TRUE : null),
        STRING_TO_BYTES(WireType.Scalar.STRING, WireType.Scalar.BYTES, v -> ((String) v).getBytes(StandardCharsets.UTF_8)),
        BYTES_TO_STRING(WireType.Scalar.BYTES, WireType.Scalar.STRING, v -> new String((byte[]) v, StandardCharsets.UTF_8));

        private final WireType.Scalar from;
        private final WireType.Scalar to;
        private final UnaryOperator<Object> convert;

        Scalars(WireType.Scalar from, WireType.Scalar to, UnaryOperator<Object> convert) {
            this.from = from;
            this.to = to;
            this.convert = convert;
        }

        @Override
        public Object apply(Object value, LayerTranslator translator) {
            return convert.apply(value);
        }
    }

    /**
     * An object, translated by its constructor's name into one the target type takes.
     *
     * @param target the target field's type
     */
    record ToObject(WireType target) implements Conversion {
        @Override
        public Object apply(Object value, LayerTranslator translator) {
            return translator.translate((GenericObject) value, target);
        }
    }

    /**
     * A vector, element by element; elements the target leaves out are left out of it.
     *
     * @param element how each element goes
     */
    record EachElement(Conversion element) implements Conversion {
        @Override
        public Object apply(Object value, LayerTranslator translator) {
            List<?> from = (List<?>) value;
            List<Object> to = new ArrayList<>(from.size());
            for (Object e : from) {
                Object v = element.apply(e, translator);
                if (v != LayerTranslator.DROPPED && v != null) {
                    to.add(v);
                }
            }
            return to;
        }
    }
}
