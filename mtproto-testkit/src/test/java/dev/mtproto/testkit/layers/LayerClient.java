package dev.mtproto.testkit.layers;

import dev.mtproto.testkit.RawClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.RpcError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A client of any layer, as another library would be: it writes its calls with that layer's schema (read
 * at run time), announces the layer with {@code invokeWithLayer}, and decodes the DC's raw answers and
 * updates with the same schema. Built on {@link RawClient}, which keeps API objects undecoded.
 */
final class LayerClient implements AutoCloseable {
    private final RawClient raw;
    private final LayerSchema schema;
    private boolean lastGzipped;

    private LayerClient(RawClient raw, LayerSchema schema) {
        this.raw = raw.apiObjectsUndecoded();
        this.schema = schema;
    }

    static LayerClient connect(TestDc dc, LayerSchema schema) {
        return new LayerClient(RawClient.connect(dc, dc.id()), schema);
    }

    RawClient raw() {
        return raw;
    }

    /**
     * @param name a constructor's or function's name in the client's layer
     * @param fieldsAndValues field names and their values, in pairs; other fields stay absent
     * @return the object
     */
    GenericObject object(String name, Object... fieldsAndValues) {
        SchemaCombinator c = schema.constructor(name) != null ? schema.constructor(name) : schema.function(name);
        Object[] values = new Object[c.fields().length];
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            int at = c.fieldIndex((String) fieldsAndValues[i]);
            if (at < 0) {
                throw new IllegalArgumentException(name + " has no field " + fieldsAndValues[i] + " in layer " + schema.layer());
            }
            values[at] = fieldsAndValues[i + 1];
        }
        return new GenericObject(c, values);
    }

    /** @return the result bytes of the call, sent as a client's first call is, unpacked if gzipped */
    byte[] callRaw(GenericObject function) {
        GenericObject wrapped = object("invokeWithLayer", "layer", schema.layer(), "query",
                object("initConnection", "api_id", TestCluster.TEST_API_ID, "device_model", "layers", "system_version", "test",
                        "app_version", "1", "system_lang_code", "en", "lang_pack", "", "lang_code", "en", "query", function));
        long msgId = raw.nextMsgId();
        raw.send(msgId, raw.nextSeqNo(true), new RawClient.Undecoded(schema.write(wrapped)));
        byte[] result = ((RawClient.Undecoded) raw.resultOf(msgId)).bytes();
        lastGzipped = ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == GzipPacked.CONSTRUCTOR_ID;
        return lastGzipped ? gunzip(result) : result;
    }

    /** @return whether the last answer came in {@code gzip_packed} */
    boolean lastAnswerGzipped() {
        return lastGzipped;
    }

    /** @return the result of the call, decoded with the client's layer; an {@code rpc_error} fails */
    Object call(GenericObject function) {
        byte[] result = callRaw(function);
        if (ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == RpcError.CONSTRUCTOR_ID) {
            throw new AssertionError("rpc_error: " + new TlReader(result).readObject());
        }
        return schema.read(result, 0, result.length, LayerTranslator.resultType(schema, function.name()));
    }

    /** @return the raw bytes of the next object the DC pushes that is not a service message */
    byte[] nextPush() {
        List<?> seen = raw.until(m -> m instanceof RawClient.Undecoded);
        return ((RawClient.Undecoded) seen.get(seen.size() - 1)).bytes();
    }

    private static byte[] gunzip(byte[] packed) {
        byte[] gz = new TlReader(packed, 4, packed.length - 4).readBytes();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        raw.close();
    }
}
