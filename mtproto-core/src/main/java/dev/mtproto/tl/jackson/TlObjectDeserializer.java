package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlSchema;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one Java type of TL objects: any object ({@code TlObject}), any function ({@code TlMethod}), the
 * constructors of one TL type (a generated interface) or one constructor or function (a generated class).
 * The value's {@code "_"} picks the generated {@code readJsonFields}; everything below the value is read by
 * generated code.
 */
final class TlObjectDeserializer extends ValueDeserializer<TlObject> {

    /** How the value is found. */
    private enum Target { ANY_OBJECT, ANY_FUNCTION, NAMED }

    private final Class<?> handledType;
    private final TlClassIndex index;
    private final Target target;
    private final TlSchema schema;
    private final Set<String> names;
    private final String expected;

    private TlObjectDeserializer(Class<?> handledType, TlClassIndex index, Target target, TlSchema schema, Set<String> names,
            String expected) {
        this.handledType = handledType;
        this.index = index;
        this.target = target;
        this.schema = schema;
        this.names = names;
        this.expected = expected;
    }

    /**
     * @param type {@code TlObject} or {@code TlMethod}
     * @param index the schemas
     * @param function whether only functions are accepted
     * @return a deserializer for any object (or function) of the registered schemas
     */
    static TlObjectDeserializer any(Class<?> type, TlClassIndex index, boolean function) {
        return new TlObjectDeserializer(type, index, function ? Target.ANY_FUNCTION : Target.ANY_OBJECT, null, Set.of(), null);
    }

    /**
     * @param type a generated interface or class
     * @param index the schemas
     * @param schema the schema that declares it
     * @param names the TL names the type accepts
     * @param expected what the type accepts, in words, for messages ("a constructor of Message")
     * @return a deserializer for exactly those names
     */
    static TlObjectDeserializer named(Class<?> type, TlClassIndex index, TlSchema schema, Set<String> names, String expected) {
        return new TlObjectDeserializer(type, index, Target.NAMED, schema, Set.copyOf(names), expected);
    }

    @Override
    public TlObject deserialize(JsonParser p, DeserializationContext ctxt) {
        JacksonTlReader r = new JacksonTlReader(p, ctxt, index);
        switch (target) {
            case ANY_OBJECT:
                return r.readObject();
            case ANY_FUNCTION:
                return r.readMethod();
            default:
                String name = r.startObject();
                if (!names.contains(name)) {
                    throw r.unexpected(name, expected);
                }
                return schema.readJson(name, r);
        }
    }

    @Override
    public Class<?> handledType() {
        return handledType;
    }
}
