package dev.mtproto.testkit.layers;

import dev.mtproto.tl.TlWriter;
import java.util.List;

/**
 * Writes values of a {@link LayerSchema} held as {@link GenericObject}s, computing each flags word from
 * the optional fields present. A value its field's type cannot take is an {@link IllegalArgumentException}
 * naming the constructor and the field. Not thread-safe.
 */
final class GenericWriter {
    private static final int VECTOR_ID = 0x1cb5c415;
    private static final int BOOL_TRUE = 0x997275b5;
    private static final int BOOL_FALSE = 0xbc799737;

    private final LayerSchema schema;
    private final TlWriter out;

    GenericWriter(LayerSchema schema, TlWriter out) {
        this.schema = schema;
        this.out = out;
    }

    void write(Object value, WireType type) {
        write(value, type, null, null);
    }

    /** The field being written is named only in an error: building its name for every field would cost. */
    private static String where(SchemaCombinator owner, SchemaField field) {
        return owner == null ? "the value" : owner.name() + "." + field.name();
    }

    private void write(Object value, WireType type, SchemaCombinator owner, SchemaField field) {
        if (value == null) {
            throw new IllegalArgumentException(where(owner, field) + " is missing");
        }
        try {
            if (type instanceof WireType.Scalar s) {
                scalar(value, s);
            } else if (type instanceof WireType.Vector v) {
                vector((List<?>) value, v, owner, field);
            } else {
                object((GenericObject) value, type, owner, field);
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(where(owner, field) + " cannot be a " + value.getClass().getSimpleName() + " for " + type, e);
        }
    }

    private void scalar(Object value, WireType.Scalar s) {
        switch (s) {
            case INT -> out.writeInt((Integer) value);
            case LONG -> out.writeLong((Long) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case STRING -> out.writeString((String) value);
            case BYTES -> out.writeBytes((byte[]) value);
            case INT128 -> raw((byte[]) value, 16);
            case INT256 -> raw((byte[]) value, 32);
            case BOOL -> out.writeInt((Boolean) value ? BOOL_TRUE : BOOL_FALSE);
            case BOXED_TRUE -> out.writeInt(LayerSchema.trueId());
            case TRUE, FLAGS -> {
                // nothing on the wire of its own; flags words are computed by the object
            }
        }
    }

    private void raw(byte[] b, int length) {
        if (b.length != length) {
            throw new IllegalArgumentException("an int" + length * 8 + " of " + b.length + " bytes");
        }
        out.writeRaw(b);
    }

    private void vector(List<?> list, WireType.Vector v, SchemaCombinator owner, SchemaField field) {
        if (!v.bare()) {
            out.writeInt(VECTOR_ID);
        }
        out.writeInt(list.size());
        for (Object e : list) {
            write(e, v.element(), owner, field);
        }
    }

    private void object(GenericObject o, WireType type, SchemaCombinator owner, SchemaField field) {
        SchemaCombinator c = o.combinator();
        boolean fits = type instanceof WireType.Boxed boxed ? boxed.type().equals(c.type())
                : !(type instanceof WireType.Bare bare) || c == schema.bare(bare.name());
        if (!fits || schema.byId(c.id()) != c) {
            throw new IllegalArgumentException(where(owner, field) + " is " + c + ", not a " + type + " of layer " + schema.layer());
        }
        if (!(type instanceof WireType.Bare)) {
            out.writeInt(c.id());
        }
        SchemaField[] fields = c.fields();
        for (int i = 0; i < fields.length; i++) {
            SchemaField f = fields[i];
            if (f.flagsWord()) {
                out.writeInt(flags(o, i));
            } else if (!f.optional() || present(f, o.value(i))) {
                if (!f.trueFlag()) {
                    write(o.value(i), f.type(), c, f);
                }
            } else if (c.sharedBits() && anyPresent(o, c.sameBit(i))) {
                throw new IllegalArgumentException(c.name() + "." + f.name() + " is missing; another field sets its flag bit");
            }
        }
    }

    /** @return whether an optional field is there: a {@code flags.N?true} one when {@code true} */
    static boolean present(SchemaField f, Object value) {
        return value != null && (!f.trueFlag() || Boolean.TRUE.equals(value));
    }

    private static int flags(GenericObject o, int flagsIndex) {
        SchemaField[] fields = o.combinator().fields();
        int word = 0;
        for (int i : o.combinator().dependents(flagsIndex)) {
            if (present(fields[i], o.value(i))) {
                word |= 1 << fields[i].bit();
            }
        }
        return word;
    }

    /** @return whether any of these fields of the object is present */
    static boolean anyPresent(GenericObject o, int[] fieldIndexes) {
        for (int k : fieldIndexes) {
            if (present(o.combinator().fields()[k], o.value(k))) {
                return true;
            }
        }
        return false;
    }
}
