package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlObject;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes any generated TL object through its generated {@code writeJson}. */
final class TlObjectSerializer extends ValueSerializer<TlObject> {
    static final TlObjectSerializer INSTANCE = new TlObjectSerializer();

    private TlObjectSerializer() {
    }

    @Override
    public void serialize(TlObject value, JsonGenerator gen, SerializationContext ctxt) {
        value.writeJson(new JacksonTlWriter(gen));
    }

    @Override
    public Class<?> handledType() {
        return TlObject.class;
    }
}
