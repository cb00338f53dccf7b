package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlJsonWriter;
import tools.jackson.core.Base64Variants;
import tools.jackson.core.JsonGenerator;

/**
 * {@link TlJsonWriter} over a Jackson {@link JsonGenerator}: one call to the generator per TL value, no
 * intermediate tree. {@code bytes} go out through Jackson's standard base64 variant (RFC 4648 alphabet,
 * padded, no line feeds).
 */
final class JacksonTlWriter implements TlJsonWriter {
    private final JsonGenerator gen;

    /** @param gen the generator to write to */
    JacksonTlWriter(JsonGenerator gen) {
        this.gen = gen;
    }

    @Override
    public void startObject(String tlName) {
        gen.writeStartObject();
        gen.writeName("_");
        gen.writeString(tlName);
    }

    @Override
    public void endObject() {
        gen.writeEndObject();
    }

    @Override
    public void name(String field) {
        gen.writeName(field);
    }

    @Override
    public void writeInt(int value) {
        gen.writeNumber(value);
    }

    @Override
    public void writeLong(long value) {
        gen.writeString(Long.toString(value));
    }

    @Override
    public void writeDouble(double value) {
        if (Double.isFinite(value)) {
            gen.writeNumber(value);
        } else {
            gen.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    @Override
    public void writeBool(boolean value) {
        gen.writeBoolean(value);
    }

    @Override
    public void writeString(String value) {
        gen.writeString(value);
    }

    @Override
    public void writeBytes(byte[] value) {
        gen.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, value, 0, value.length);
    }

    @Override
    public void startArray(int size) {
        gen.writeStartArray(null, size);
    }

    @Override
    public void endArray() {
        gen.writeEndArray();
    }
}
