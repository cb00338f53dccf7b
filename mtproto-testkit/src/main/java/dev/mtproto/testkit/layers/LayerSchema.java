package dev.mtproto.testkit.layers;

import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.generator.schema.TlCombinator;
import dev.mtproto.tl.generator.schema.TlParam;
import dev.mtproto.tl.generator.schema.TlSchema;
import dev.mtproto.tl.generator.schema.TlSchemaParseException;
import dev.mtproto.tl.generator.schema.TlSchemaParser;
import dev.mtproto.tl.generator.schema.TlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The API schema of one layer, read at run time with the generator's parser and compiled for the
 * {@linkplain GenericObject generic codec}: any object of the layer can be read from bytes into a
 * {@link GenericObject} and written back, without generated classes. Immutable and thread-safe.
 */
public final class LayerSchema {
    private static final int TRUE_ID = 0x3fedd339;

    private final int layer;
    private final String source;
    private final List<SchemaCombinator> all = new ArrayList<>();
    private final CombinatorIds byId;
    private final Map<String, SchemaCombinator> constructors = new HashMap<>();
    private final Map<String, SchemaCombinator> functions = new HashMap<>();
    private final Map<String, List<SchemaCombinator>> byType = new HashMap<>();

    private LayerSchema(int layer, TlSchema schema) {
        this.layer = layer;
        this.source = schema.source();
        this.byId = new CombinatorIds(schema.constructors().size() + schema.functions().size());
        for (TlCombinator c : schema.constructors()) {
            add(c, constructors);
        }
        for (TlCombinator c : schema.functions()) {
            add(c, functions);
        }
        byType.replaceAll((type, list) -> Collections.unmodifiableList(list));
    }

    private void add(TlCombinator c, Map<String, SchemaCombinator> names) {
        Map<String, Integer> flagsWords = new HashMap<>();
        List<SchemaField> fields = new ArrayList<>(c.params().size());
        for (TlParam p : c.params()) {
            int flagsIndex = -1;
            int bit = 0;
            if (p.condition() != null) {
                flagsIndex = flagsWords.get(p.condition().flagsField());
                bit = p.condition().bit();
            }
            if (p.isFlagsWord()) {
                flagsWords.put(p.name(), fields.size());
            }
            fields.add(new SchemaField(p.name(), wireType(p.type()), flagsIndex, bit));
        }
        SchemaCombinator compiled = new SchemaCombinator(c.name(), c.id(), c.function(), wireType(c.result()), fields, all.size());
        all.add(compiled);
        byId.put(compiled);
        names.put(c.name(), compiled);
        if (!c.function()) {
            byType.computeIfAbsent(compiled.type(), t -> new ArrayList<>()).add(compiled);
        }
    }

    private static WireType wireType(TlType type) {
        if (type instanceof TlType.Vector v) {
            return new WireType.Vector(wireType(v.element()), v.bare());
        }
        if (type instanceof TlType.FlagsWord) {
            return WireType.Scalar.FLAGS;
        }
        if (type instanceof TlType.TypeVariable) {
            return new WireType.Any();
        }
        TlType.Named n = (TlType.Named) type;
        return switch (n.name()) {
            case "int" -> WireType.Scalar.INT;
            case "long" -> WireType.Scalar.LONG;
            case "double" -> WireType.Scalar.DOUBLE;
            case "string" -> WireType.Scalar.STRING;
            case "bytes" -> WireType.Scalar.BYTES;
            case "int128" -> WireType.Scalar.INT128;
            case "int256" -> WireType.Scalar.INT256;
            case "true" -> WireType.Scalar.TRUE;
            case "Bool" -> WireType.Scalar.BOOL;
            case "True" -> WireType.Scalar.BOXED_TRUE;
            case "Object" -> new WireType.Any();
            default -> n.bare() ? new WireType.Bare(n.name().intern()) : new WireType.Boxed(n.name().intern());
        };
    }

    /**
     * Reads a schema file.
     *
     * @param layer the layer it describes
     * @param source the file's name, for messages
     * @param text its text
     * @return the compiled schema
     * @throws TlSchemaParseException if the text is not a valid TL schema, naming the line and column
     * @throws IllegalArgumentException if two combinators share an id
     */
    public static LayerSchema parse(int layer, String source, String text) {
        return new LayerSchema(layer, TlSchemaParser.parse(source, text));
    }

    /** @return the layer */
    public int layer() {
        return layer;
    }

    /**
     * @param name a constructor's or function's full name ({@code config}, {@code help.getConfig})
     * @return its id in this layer, empty if the layer has no combinator of that name
     */
    public OptionalInt idOf(String name) {
        SchemaCombinator c = constructors.get(name);
        if (c == null) {
            c = functions.get(name);
        }
        return c == null ? OptionalInt.empty() : OptionalInt.of(c.id());
    }

    /**
     * Reads one boxed object (a constructor or a function) that fills the whole array.
     *
     * @param bytes its serialization in this layer
     * @return the object
     * @throws TlDecodeException if the bytes are not an object of this layer (an unknown constructor id,
     *     too few bytes, a length or count that cannot fit, nesting deeper than
     *     {@value GenericReader#MAX_DEPTH}, bytes left over), naming the offset and the problem
     */
    public GenericObject read(byte[] bytes) {
        return (GenericObject) read(bytes, 0, bytes.length, new WireType.Any());
    }

    /**
     * Writes one object boxed.
     *
     * @param object an object of this layer
     * @return its serialization
     * @throws IllegalArgumentException if a field holds a value its type cannot take (missing, or of
     *     another Java type)
     */
    public byte[] write(GenericObject object) {
        return write(object, new WireType.Any());
    }

    Object read(byte[] bytes, int off, int len, WireType type) {
        return new GenericReader(this, bytes, off, len).readAll(type);
    }

    byte[] write(Object value, WireType type) {
        TlWriter w = new TlWriter(256);
        new GenericWriter(this, w).write(value, type);
        return w.toByteArray();
    }

    SchemaCombinator byId(int id) {
        return byId.get(id);
    }

    SchemaCombinator constructor(String name) {
        return constructors.get(name);
    }

    SchemaCombinator function(String name) {
        return functions.get(name);
    }

    /** @return the constructors of a type in file order; empty for a type the layer lacks */
    List<SchemaCombinator> constructorsOf(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /**
     * @param name a bare type's name: a constructor's, or a type's that has exactly one constructor
     * @return the constructor, or {@code null}
     */
    SchemaCombinator bare(String name) {
        SchemaCombinator c = constructors.get(name);
        if (c != null) {
            return c;
        }
        List<SchemaCombinator> of = constructorsOf(name);
        return of.size() == 1 ? of.get(0) : null;
    }

    /** @return how many combinators the layer has, for tables indexed by {@link SchemaCombinator#index()} */
    int size() {
        return all.size();
    }

    /** @return every constructor and function, in file order */
    List<SchemaCombinator> combinators() {
        return Collections.unmodifiableList(all);
    }

    static int trueId() {
        return TRUE_ID;
    }

    @Override
    public String toString() {
        return "LayerSchema{" + layer + ", " + Objects.requireNonNull(source) + "}";
    }
}
