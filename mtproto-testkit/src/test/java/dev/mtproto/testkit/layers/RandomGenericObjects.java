package dev.mtproto.testkit.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random objects of a layer made through the generic codec's own view of its schema: random constructors
 * of each type, random scalars (strings with non-ASCII text, bytes long enough for the 4-byte length
 * form), optional fields present or not (fields sharing a bit together), shallow enough to stay small.
 */
final class RandomGenericObjects {
    private static final int MAX_DEPTH = 3;
    private static final String TEXT = "aé€😀 Zx";

    private final LayerSchema schema;
    private final StandIns standIns;
    private final Random random;

    RandomGenericObjects(LayerSchema schema, long seed) {
        this.schema = schema;
        this.standIns = new StandIns(schema);
        this.random = new Random(seed);
    }

    /** @return a random object of the constructor or function */
    GenericObject of(SchemaCombinator c) {
        return of(c, 0);
    }

    private GenericObject of(SchemaCombinator c, int depth) {
        SchemaField[] fields = c.fields();
        Object[] values = new Object[fields.length];
        Map<Integer, Boolean> bits = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            SchemaField f = fields[i];
            if (f.flagsWord()) {
                continue;
            }
            if (f.optional()) {
                boolean present = bits.computeIfAbsent(f.flagsIndex() * 32 + f.bit(), k -> depth < MAX_DEPTH && random.nextBoolean());
                if (!present) {
                    continue;
                }
            }
            values[i] = f.trueFlag() ? Boolean.TRUE : value(f.type(), depth + 1);
        }
        return new GenericObject(c, values);
    }

    private Object value(WireType t, int depth) {
        if (t instanceof WireType.Scalar s) {
            return scalar(s);
        }
        if (t instanceof WireType.Vector v) {
            int n = depth >= MAX_DEPTH ? 0 : random.nextInt(3);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(value(v.element(), depth + 1));
            }
            return list;
        }
        if (t instanceof WireType.Bare b) {
            return of(schema.bare(b.name()), depth);
        }
        if (t instanceof WireType.Any) {
            return of(schema.function("help.getConfig"), depth);
        }
        List<SchemaCombinator> of = schema.constructorsOf(((WireType.Boxed) t).type());
        if (depth >= MAX_DEPTH || of.isEmpty()) {
            return standIns.neutral(t);
        }
        return of(of.get(random.nextInt(of.size())), depth);
    }

    private Object scalar(WireType.Scalar s) {
        return switch (s) {
            case INT -> random.nextInt();
            case LONG -> random.nextLong();
            case DOUBLE -> random.nextDouble() * 1000 - 500;
            case STRING -> TEXT.substring(random.nextInt(4)) + random.nextInt(1000);
            case BYTES -> bytes(random.nextInt(4) == 0 ? 254 + random.nextInt(300) : random.nextInt(20));
            case INT128 -> bytes(16);
            case INT256 -> bytes(32);
            case BOOL -> random.nextBoolean();
            case TRUE, BOXED_TRUE -> Boolean.TRUE;
            case FLAGS -> null;
        };
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
