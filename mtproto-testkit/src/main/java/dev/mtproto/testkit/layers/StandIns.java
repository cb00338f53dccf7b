package dev.mtproto.testkit.layers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values of a layer made up where the source has none: the neutral value of each type (0, {@code false},
 * empty text, bytes and vectors; for an object, its type's simplest constructor with neutral fields) and
 * the fallback constructor of a type for an object the layer does not have. "Simplest" is the constructor
 * needing the fewest made-up values (its required fields, counted through the objects they need), the
 * first in the schema file on a tie, so the choice is deterministic. Thread-safe.
 */
final class StandIns {
    /** Types whose unknown constructors are left out instead of stood in for: an update the layer lacks is not sent. */
    static final String DROPPED_TYPE = "Update";
    private static final long UNREACHABLE = Long.MAX_VALUE / 4;
    private static final byte[] NO_BYTES = new byte[0];

    private final LayerSchema schema;
    private final Map<String, SchemaCombinator> simplest = new HashMap<>();
    private final Map<String, Object> neutralObjects = new ConcurrentHashMap<>();

    StandIns(LayerSchema schema) {
        this.schema = schema;
        Map<String, Long> typeCost = new HashMap<>();
        boolean changed = true;
        while (changed) { // costs only fall, and are bounded below: this ends
            changed = false;
            for (SchemaCombinator c : schema.combinators()) {
                if (c.function()) {
                    continue;
                }
                long cost = cost(c, typeCost);
                if (cost < typeCost.getOrDefault(c.type(), UNREACHABLE)) {
                    typeCost.put(c.type(), cost);
                    simplest.put(c.type(), c);
                    changed = true;
                }
            }
        }
    }

    private long cost(SchemaCombinator c, Map<String, Long> typeCost) {
        long cost = 1;
        for (SchemaField f : c.fields()) {
            if (!f.optional()) {
                cost += cost(f.type(), typeCost);
            }
        }
        return Math.min(cost, UNREACHABLE);
    }

    private long cost(WireType t, Map<String, Long> typeCost) {
        if (t instanceof WireType.Boxed b) {
            return typeCost.getOrDefault(b.type(), UNREACHABLE);
        }
        if (t instanceof WireType.Bare b) {
            SchemaCombinator c = schema.bare(b.name());
            return c == null ? UNREACHABLE : typeCost.getOrDefault(c.type(), UNREACHABLE);
        }
        return t instanceof WireType.Any ? UNREACHABLE : 0;
    }

    /**
     * @param type a type of the layer
     * @return its simplest constructor, or {@code null} if no constructor can be made of neutral values
     */
    SchemaCombinator simplest(String type) {
        return simplest.get(type);
    }

    /**
     * The constructor that stands for one the layer does not have: the type's {@code ...Unsupported}
     * constructor ({@code messageMediaUnsupported}), else its {@code ...Empty} one ({@code messageEmpty},
     * {@code messageActionEmpty}), else its simplest.
     *
     * @param type the type, in this layer
     * @return the constructor, or {@code null} for {@value #DROPPED_TYPE} (left out) and types without one
     */
    SchemaCombinator fallback(String type) {
        if (DROPPED_TYPE.equals(type)) {
            return null;
        }
        List<SchemaCombinator> of = schema.constructorsOf(type);
        for (String suffix : new String[] {"Unsupported", "Empty"}) {
            for (SchemaCombinator c : of) {
                if (c.name().endsWith(suffix)) {
                    return c;
                }
            }
        }
        return simplest(type);
    }

    /**
     * @param t a type of the layer
     * @return its neutral value
     * @throws IllegalStateException for {@code Object}/{@code X}, or a type no neutral object can be made of
     */
    Object neutral(WireType t) {
        if (t instanceof WireType.Scalar s) {
            return switch (s) {
                case INT -> 0;
                case LONG -> 0L;
                case DOUBLE -> 0.0;
                case STRING -> "";
                case BYTES -> NO_BYTES;
                case INT128 -> new byte[16];
                case INT256 -> new byte[32];
                case BOOL -> Boolean.FALSE;
                case TRUE, BOXED_TRUE -> Boolean.TRUE;
                case FLAGS -> null;
            };
        }
        if (t instanceof WireType.Vector) {
            return List.of();
        }
        if (t instanceof WireType.Bare b && schema.bare(b.name()) != null) {
            return neutralObject(schema.bare(b.name()));
        }
        String type = t instanceof WireType.Boxed b ? b.type() : null;
        SchemaCombinator c = type == null ? null : simplest(type);
        if (c == null) {
            throw new IllegalStateException("layer " + schema.layer() + " has no neutral value of " + t);
        }
        return neutralObject(c);
    }

    /** @return the constructor with every required field neutral and every optional one absent */
    GenericObject neutralObject(SchemaCombinator c) {
        Object cached = neutralObjects.get(c.name());
        if (cached != null) {
            return (GenericObject) cached;
        }
        SchemaField[] fields = c.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].optional() && !fields[i].flagsWord()) {
                values[i] = neutral(fields[i].type());
            }
        }
        GenericObject o = new GenericObject(c, values);
        neutralObjects.put(c.name(), o);
        return o;
    }
}
