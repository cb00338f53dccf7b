package dev.mtproto.testkit.layers;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.server.LayerCodec;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.InvokeWithLayer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every client in the API layer it announced with {@code invokeWithLayer}, as Telegram does: calls
 * sent in an older layer are read with that layer's schema and translated by name into the generated
 * classes' layer ({@link ApiSchema#LAYER}), and answers and pushed updates go the other way
 * ({@link LayerTranslator}). The layers served are those whose schema file the DC has: bundled resources
 * {@code dev/mtproto/testkit/layers/api-layerN.tl}, and files {@code api-layerN.tl} of a directory given
 * with {@link #withSchemaDir}. A layer without a file is served in the nearest layer below it that has one
 * (the lowest one for a layer below all); a layer above the generated one is served as the generated one,
 * which, like 0 (none announced), costs nothing: bytes go through untouched.
 *
 * <p>Schemas are parsed when a client first needs them and kept. Thread-safe.
 */
public final class ApiLayers implements LayerCodec {
    private static final Logger LOG = LoggerFactory.getLogger(ApiLayers.class);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ApiLayers BUNDLED = new ApiLayers(SchemaFiles.bundled(ApiSchema.LAYER));

    /** A layer served by translation: its schema and the translators both ways. */
    private record Served(LayerSchema schema, LayerTranslator toClient, LayerTranslator fromClient) {
    }

    private final int current;
    private final Map<Integer, SchemaFiles.Source> sources;
    /** For each layer below the generated one, the layer it is served in. */
    private final int[] servedIn;
    private final Map<Integer, LayerSchema> schemas = new ConcurrentHashMap<>();
    private final Map<Integer, Served> served = new ConcurrentHashMap<>();

    private ApiLayers(Map<Integer, SchemaFiles.Source> sources) {
        this.current = ApiSchema.LAYER;
        TreeMap<Integer, SchemaFiles.Source> sorted = new TreeMap<>(sources);
        this.sources = Collections.unmodifiableMap(sorted);
        if (!sources.containsKey(current)) {
            throw new IllegalStateException("no schema file of layer " + current + ", the generated classes' layer");
        }
        this.servedIn = new int[current];
        int lowest = sorted.firstKey();
        for (int layer = 1; layer < current; layer++) {
            Integer below = sorted.floorKey(layer);
            servedIn[layer] = below == null ? lowest : below;
        }
    }

    /** @return the layers of the schema files bundled with the testkit (parsed once, shared) */
    public static ApiLayers bundled() {
        return BUNDLED;
    }

    /**
     * @param dir a directory with schema files named {@code api-layerN.tl}; they take precedence over the
     *     bundled ones of the same layer
     * @return the bundled layers and the directory's
     * @throws java.io.UncheckedIOException if the directory cannot be listed
     */
    public static ApiLayers withSchemaDir(Path dir) {
        Map<Integer, SchemaFiles.Source> all = new TreeMap<>(SchemaFiles.bundled(ApiSchema.LAYER));
        all.putAll(SchemaFiles.in(dir));
        return new ApiLayers(all);
    }

    /** @return the generated classes' layer, which the world speaks */
    public int currentLayer() {
        return current;
    }

    /** @return every layer with a schema file */
    public SortedSet<Integer> layers() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(sources.keySet()));
    }

    /**
     * @param announced the layer a client announced, 0 if none
     * @return the layer it is answered in
     */
    public int servedLayer(int announced) {
        return announced <= 0 || announced >= current ? current : servedIn[announced];
    }

    /**
     * @param layer a layer with a schema file
     * @return its schema, parsed
     * @throws IllegalArgumentException if the layer has no schema file
     * @throws dev.mtproto.tl.generator.schema.TlSchemaParseException if the file is not a valid schema
     */
    public LayerSchema schema(int layer) {
        SchemaFiles.Source source = sources.get(layer);
        if (source == null) {
            throw new IllegalArgumentException("no schema file of layer " + layer + "; there are " + sources.keySet());
        }
        return schemas.computeIfAbsent(layer, l -> {
            LOG.debug("reading the schema of layer {} from {}", l, source.name());
            return LayerSchema.parse(l, source.name(), source.text());
        });
    }

    /** @return the translation state of the layer a client is served in, {@code null} when that is the current one */
    private Served served(int announced) {
        if (writesAsIs(announced)) {
            return null;
        }
        return served.computeIfAbsent(servedIn[announced], l -> {
            LayerSchema schema = schema(l);
            LayerSchema ours = schema(current);
            return new Served(schema, new LayerTranslator(ours, schema), new LayerTranslator(schema, ours));
        });
    }

    /**
     * {@inheritDoc} A call in an older layer (the layer of its {@code invokeWithLayer}, else the session's)
     * is translated into the current one; one with an id that layer does not know (an MTProto object) is
     * read as it is.
     *
     * @throws RpcException {@code 400 INPUT_METHOD_INVALID} for a function the current layer does not have
     * @throws TlDecodeException if the body is not a valid object of the client's layer, or has no form in
     *     the current one
     */
    @Override
    public TlObject readCall(byte[] body, int off, int len, int sessionLayer) {
        int layer = sessionLayer;
        if (len >= 8 && (int) INT.get(body, off) == InvokeWithLayer.CONSTRUCTOR_ID) {
            layer = (int) INT.get(body, off + 4);
        }
        Served s = served(layer);
        if (s == null || len < 4 || s.schema().byId((int) INT.get(body, off)) == null) {
            return new TlReader(body, off, len).readObject();
        }
        byte[] bytes;
        try {
            Object ours = s.fromClient().translate((GenericObject) s.schema().read(body, off, len, new WireType.Any()), new WireType.Any());
            bytes = s.fromClient().to().write(ours, new WireType.Any());
        } catch (LayerTranslationException e) {
            throw RpcException.of(400, "INPUT_METHOD_INVALID", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) { // a value no neutral one can stand for
            throw new TlDecodeException(0, "a call of layer " + s.schema().layer() + " has no form in layer " + current + ": " + e.getMessage());
        }
        return new TlReader(bytes).readObject();
    }

    /** {@inheritDoc} A result of a function the client's layer lacks is left as it is. */
    @Override
    public byte[] writeResult(TlMethod<?> call, byte[] result, int layer) {
        Served s = served(layer);
        if (s == null) {
            return result;
        }
        String function = call.tlName();
        LayerTranslator t = s.toClient();
        if (t.from().function(function) == null || t.to().function(function) == null) {
            LOG.debug("layer {} has no function {}; its result goes as it is", t.to().layer(), function);
            return result;
        }
        Object value = t.from().read(result, 0, result.length, LayerTranslator.resultType(t.from(), function));
        return t.to().write(t.translateResult(function, value), LayerTranslator.resultType(t.to(), function));
    }

    /** {@inheritDoc} An update the client's layer has no constructor for is not sent (logged at DEBUG). */
    /** @return whether the layer is served as the generated one (none announced, the generated layer or above) */
    @Override
    public boolean writesAsIs(int layer) {
        return layer <= 0 || layer >= current || servedIn[layer] == current;
    }

    @Override
    public byte[] writeUpdate(byte[] update, int layer) {
        Served s = served(layer);
        if (s == null || update.length < 4 || s.toClient().from().byId((int) INT.get(update, 0)) == null) {
            return update;
        }
        LayerTranslator t = s.toClient();
        Object translated = t.translate((GenericObject) t.from().read(update, 0, update.length, new WireType.Any()), new WireType.Any());
        if (translated == LayerTranslator.DROPPED) {
            LOG.debug("layer {} has no form of a pushed {}; not sent", t.to().layer(), t.from().byId((int) INT.get(update, 0)).name());
            return null;
        }
        return t.to().write(translated, new WireType.Any());
    }

    @Override
    public String toString() {
        return "ApiLayers" + sources.keySet();
    }
}
