package dev.mtproto.testkit.layers;

import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads values of a {@link LayerSchema} from bytes into {@link GenericObject}s. Bounded against hostile
 * input: every length and vector count is checked against the bytes that remain before anything is
 * allocated, and objects nest at most {@value #MAX_DEPTH} deep; every problem is a
 * {@link TlDecodeException} naming the offset. Not thread-safe; one per read.
 */
final class GenericReader {
    /** Deepest nesting of objects and vectors accepted, as for generated classes. */
    static final int MAX_DEPTH = TlReader.MAX_NESTING;
    private static final int VECTOR_ID = 0x1cb5c415;
    private static final int BOOL_TRUE = 0x997275b5;
    private static final int BOOL_FALSE = 0xbc799737;

    private final LayerSchema schema;
    private final TlReader in;
    private int depth;

    GenericReader(LayerSchema schema, byte[] bytes, int off, int len) {
        this.schema = schema;
        this.in = new TlReader(bytes, off, len);
    }

    /** @return the value, which must fill the region */
    Object readAll(WireType type) {
        Object v = read(type);
        in.expectEnd();
        return v;
    }

    private Object read(WireType type) {
        if (type instanceof WireType.Scalar s) {
            return scalar(s);
        }
        if (type instanceof WireType.Vector v) {
            return vector(v);
        }
        if (type instanceof WireType.Bare b) {
            SchemaCombinator c = schema.bare(b.name());
            if (c == null) {
                throw new TlDecodeException(in.position(), "layer " + schema.layer() + " has no bare type " + b.name());
            }
            return fields(c);
        }
        int at = in.position();
        int id = in.readInt();
        SchemaCombinator c = schema.byId(id);
        if (c == null || type instanceof WireType.Boxed boxed && !boxed.type().equals(c.type())) {
            throw new TlDecodeException(at, String.format("constructor %08x is not %s in layer %d", id,
                    type instanceof WireType.Boxed boxed ? "a " + boxed.type() : "known", schema.layer()));
        }
        return fields(c);
    }

    private Object scalar(WireType.Scalar s) {
        return switch (s) {
            case INT, FLAGS -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case STRING -> in.readString();
            case BYTES -> in.readBytes();
            case INT128 -> in.readInt128();
            case INT256 -> in.readInt256();
            case BOOL -> bool();
            case TRUE -> Boolean.TRUE;
            case BOXED_TRUE -> boxedTrue();
        };
    }

    private Boolean bool() {
        int at = in.position();
        int id = in.readInt();
        if (id == BOOL_TRUE || id == BOOL_FALSE) {
            return id == BOOL_TRUE;
        }
        throw new TlDecodeException(at, String.format("constructor %08x is not a Bool", id));
    }

    private Boolean boxedTrue() {
        int at = in.position();
        int id = in.readInt();
        if (id != LayerSchema.trueId()) {
            throw new TlDecodeException(at, String.format("constructor %08x is not True", id));
        }
        return Boolean.TRUE;
    }

    private List<Object> vector(WireType.Vector v) {
        enter();
        if (!v.bare()) {
            int at = in.position();
            int id = in.readInt();
            if (id != VECTOR_ID) {
                throw new TlDecodeException(at, String.format("constructor %08x is not a Vector", id));
            }
        }
        int at = in.position();
        int count = in.readInt();
        if (count < 0 || count > in.remaining() / minSize(v.element())) {
            throw new TlDecodeException(at, "vector count " + count + " cannot fit in the " + in.remaining() + " bytes that remain");
        }
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(read(v.element()));
        }
        depth--;
        return list;
    }

    /** @return the fewest bytes an element takes, at least 4, which bounds a count before allocating */
    private static int minSize(WireType element) {
        return element == WireType.Scalar.LONG || element == WireType.Scalar.DOUBLE ? 8
                : element == WireType.Scalar.INT128 ? 16 : element == WireType.Scalar.INT256 ? 32 : 4;
    }

    private GenericObject fields(SchemaCombinator c) {
        enter();
        SchemaField[] fields = c.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            SchemaField f = fields[i];
            if (f.optional() && ((Integer) values[f.flagsIndex()] & (1 << f.bit())) == 0) {
                continue;
            }
            values[i] = read(f.type());
        }
        depth--;
        return new GenericObject(c, values);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new TlDecodeException(in.position(), "values nested more than " + MAX_DEPTH + " deep");
        }
    }
}
