package dev.mtproto.testkit.layers;

import java.util.Arrays;
import java.util.List;

/**
 * One TL object of a layer read at run time: its constructor (or function) and its field values. Values
 * are held as {@link Integer} ({@code int}), {@link Long}, {@link Double}, {@link String}, {@code byte[]}
 * ({@code bytes}, {@code int128}, {@code int256}), {@link Boolean} ({@code Bool}, and {@code flags.N?true}
 * when set), {@link List} (vectors) and {@code GenericObject}; an optional field that is absent holds
 * {@code null}. Flags words are computed from the optional fields when the object is written.
 *
 * <p>Treated as immutable: nothing changes it once made (the arrays it holds are not to be modified).
 */
public final class GenericObject {
    private final SchemaCombinator combinator;
    private final Object[] values;

    /** @param values one per field of the combinator, taken as is */
    GenericObject(SchemaCombinator combinator, Object[] values) {
        this.combinator = combinator;
        this.values = values;
    }

    /** @return the constructor's or function's full name ({@code config}, {@code updateShortMessage}) */
    public String name() {
        return combinator.name();
    }

    /** @return the constructor id it is written with */
    public int id() {
        return combinator.id();
    }

    /**
     * @param field a field's schema name ({@code this_dc})
     * @return its value, {@code null} if the field is optional and absent (for a flags word: the word as
     *     read, {@code null} in an object not read from bytes)
     * @throws IllegalArgumentException if the constructor has no field of that name
     */
    public Object get(String field) {
        int i = combinator.fieldIndex(field);
        if (i < 0) {
            throw new IllegalArgumentException(combinator + " has no field " + field);
        }
        return values[i];
    }

    /**
     * @param field a field's schema name
     * @return whether the constructor has a field of that name
     */
    public boolean hasField(String field) {
        return combinator.fieldIndex(field) >= 0;
    }

    /**
     * @param field the name of a {@code flags.N?true} field
     * @return whether its bit is set
     * @throws IllegalArgumentException if the constructor has no field of that name
     */
    public boolean flag(String field) {
        return Boolean.TRUE.equals(get(field));
    }

    SchemaCombinator combinator() {
        return combinator;
    }

    Object value(int index) {
        return values[index];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(combinator.name()).append('{');
        SchemaField[] fields = combinator.fields();
        String sep = "";
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null && !fields[i].flagsWord()) {
                sb.append(sep).append(fields[i].name()).append('=').append(show(values[i]));
                sep = ", ";
            }
        }
        return sb.append('}').toString();
    }

    /** Text and bytes by their length only: they may be secrets (a bot token, a phone number). */
    private static String show(Object v) {
        if (v instanceof byte[] b) {
            return "bytes[" + b.length + "]";
        }
        return v instanceof String s ? "string[" + s.length() + "]" : String.valueOf(v);
    }

    /** @return a hash of the whole tree (arrays by content) */
    @Override
    public int hashCode() {
        return combinator.id() * 31 + Arrays.deepHashCode(values);
    }

    /** @return whether the other is made by the same constructor of the same layer with equal fields */
    @Override
    public boolean equals(Object o) {
        return o instanceof GenericObject g && g.combinator == combinator && Arrays.deepEquals(values, g.values);
    }
}
