package dev.mtproto.testkit.layers;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A constructor or function of a {@link LayerSchema}, compiled for reading and writing: its fields with
 * their wire types and flag bits resolved to indexes.
 */
final class SchemaCombinator {
    private final String name;
    private final int id;
    private final boolean function;
    private final WireType result;
    private final String type;
    private final SchemaField[] fields;
    private final Map<String, Integer> byName = new HashMap<>();
    private final int index;
    private final int requiredFields;
    private final boolean sharedBits;
    /** For each flags word's index, the indexes of the optional fields it holds the bits of. */
    private final int[][] dependents;
    /** For each optional field, the other fields on its flag bit; empty for most. */
    private final int[][] sameBit;

    /**
     * @param name the full name ({@code messages.getHistory})
     * @param id the constructor id
     * @param function whether it is a function
     * @param result what it builds (a {@link WireType.Boxed} of its type for a constructor) or returns
     * @param fields its fields in wire order
     * @param index its position in the schema, for tables indexed by combinator
     */
    SchemaCombinator(String name, int id, boolean function, WireType result, List<SchemaField> fields, int index) {
        this.name = name;
        this.id = id;
        this.function = function;
        this.result = result;
        this.type = result instanceof WireType.Boxed b ? b.type() : null;
        this.fields = fields.toArray(SchemaField[]::new);
        this.index = index;
        int required = 0;
        Set<Integer> bitsSeen = new HashSet<>();
        boolean shared = false;
        for (int i = 0; i < this.fields.length; i++) {
            SchemaField f = this.fields[i];
            byName.put(f.name(), i);
            if (!f.optional() && !f.flagsWord()) {
                required++;
            }
            if (f.optional()) {
                shared |= !bitsSeen.add(f.flagsIndex() * 32 + f.bit());
            }
        }
        this.dependents = new int[this.fields.length][];
        this.sameBit = new int[this.fields.length][];
        for (int i = 0; i < this.fields.length; i++) {
            SchemaField f = this.fields[i];
            int at = i;
            if (f.flagsWord()) {
                dependents[i] = IntStream.range(i + 1, this.fields.length).filter(k -> this.fields[k].flagsIndex() == at).toArray();
            }
            sameBit[i] = !f.optional() ? new int[0] : IntStream.range(0, this.fields.length).filter(k -> k != at
                    && this.fields[k].flagsIndex() == f.flagsIndex() && this.fields[k].bit() == f.bit()).toArray();
        }
        this.requiredFields = required;
        this.sharedBits = shared;
    }

    String name() {
        return name;
    }

    int id() {
        return id;
    }

    boolean function() {
        return function;
    }

    /** @return the type a constructor builds; for a function {@code null} */
    String type() {
        return type;
    }

    /** @return what a function returns; for a constructor, a boxed value of its type */
    WireType result() {
        return result;
    }

    /** @return the fields, in wire order; not to be modified */
    SchemaField[] fields() {
        return fields;
    }

    /**
     * @param flagsIndex the index of a flags word
     * @return the indexes of the optional fields whose bits it holds; not to be modified
     */
    int[] dependents(int flagsIndex) {
        return dependents[flagsIndex];
    }

    /**
     * @param field an optional field's index
     * @return the indexes of the other fields on its flag bit (see {@link #sharedBits()}); not to be modified
     */
    int[] sameBit(int field) {
        return sameBit[field];
    }

    /** @return the index of the field of that name, -1 if none */
    int fieldIndex(String fieldName) {
        Integer i = byName.get(fieldName);
        return i == null ? -1 : i;
    }

    /** @return the combinator's position in its schema */
    int index() {
        return index;
    }

    /** @return how many fields are always present (flags words not counted) */
    int requiredFields() {
        return requiredFields;
    }

    /** @return whether two optional fields may share a flag bit (then both are present or both absent) */
    boolean sharedBits() {
        return sharedBits;
    }

    @Override
    public String toString() {
        return name + "#" + String.format("%08x", id);
    }
}
