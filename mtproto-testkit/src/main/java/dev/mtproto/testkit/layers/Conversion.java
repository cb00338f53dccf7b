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
        if (from == WireType.Scalar.INT && to == WireType.Scalar.LONG) {
            return Scalars.INT_TO_LONG;
        } else if (from == WireType.Scalar.LONG && to == WireType.Scalar.INT) {
            return Scalars.LONG_TO_INT;
        } else if (from == WireType.Scalar.INT && to == WireType.Scalar.DOUBLE) {
            return Scalars.INT_TO_DOUBLE;
        } else if (from == WireType.Scalar.DOUBLE && to == WireType.Scalar.INT) {
            return Scalars.DOUBLE_TO_INT;
        } else if (from == WireType.Scalar.TRUE && to == WireType.Scalar.BOOL) {
            return Scalars.FLAG_TO_BOOL;
        } else if (from == WireType.Scalar.BOOL && to == WireType.Scalar.TRUE) {
            return Scalars.BOOL_TO_FLAG;
        } else if (from == WireType.Scalar.STRING && to == WireType.Scalar.BYTES) {
            return Scalars.STRING_TO_BYTES;
        } else if (from == WireType.Scalar.BYTES && to == WireType.Scalar.STRING) {
            return Scalars.BYTES_TO_STRING;
        }
        return null;
    }

    /** Scalar conversions. */
    enum Scalars implements Conversion {
        SAME(v -> v),
        INT_TO_LONG(v -> (long) (Integer) v),
        /** Keeps the low 32 bits, as an older layer's {@code int} id did. */
        LONG_TO_INT(v -> (int) (long) (Long) v),
        /** A video's duration went from {@code int} seconds to {@code double}. */
        INT_TO_DOUBLE(v -> (double) (Integer) v),
        DOUBLE_TO_INT(v -> (int) Math.round((Double) v)),
        /** A set {@code flags.N?true} is {@code true}; an absent one never gets here (the field is neutral: {@code false}). */
        FLAG_TO_BOOL(v -> v),
        /** {@code false} is an absent flag. */
        BOOL_TO_FLAG(v -> Boolean.TRUE.equals(v) ? Boolean.TRUE : null),
        STRING_TO_BYTES(v -> ((String) v).getBytes(StandardCharsets.UTF_8)),
        BYTES_TO_STRING(v -> new String((byte[]) v, StandardCharsets.UTF_8));

        private final UnaryOperator<Object> convert;

        Scalars(UnaryOperator<Object> convert) {
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
