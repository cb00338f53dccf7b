package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.JType;

/**
 * The Java expressions generated code uses to write a TL value to a {@code TlJsonWriter} and read it back
 * from a {@code TlJsonReader}: the JSON counterpart of {@link JType#write} and {@link JType#read}. The
 * spelling of each value in JSON is the reader's and writer's; these only pick the method.
 */
final class JsonExpressions {
    private JsonExpressions() {
    }

    /**
     * @param t the value's type
     * @param w the writer variable
     * @param v an expression of the stored value
     * @return a statement, without the trailing semicolon, that writes the value
     */
    static String write(JType t, String w, String v) {
        return switch (t.kind()) {
            case INT -> w + ".writeInt(" + v + ")";
            case LONG -> w + ".writeLong(" + v + ")";
            case DOUBLE -> w + ".writeDouble(" + v + ")";
            case BOOL -> w + ".writeBool(" + v + ")";
            case STRING -> w + ".writeString(" + v + ")";
            case BYTES, INT128, INT256 -> w + ".writeBytes(" + v + ")";
            case BOXED, BARE, ANY_OBJECT, METHOD_VARIABLE -> v + ".writeJson(" + w + ")";
            case RESULT_VARIABLE -> throw new IllegalStateException("a result variable is never written");
            case VECTOR -> switch (t.element().kind()) {
                case INT -> w + ".writeIntList(" + v + ")";
                case LONG -> w + ".writeLongList(" + v + ")";
                default -> w + ".writeList(" + v + ", " + encoder(t.element()) + ")";
            };
        };
    }

    private static String encoder(JType element) {
        return switch (element.kind()) {
            case STRING -> "TlJsonWriter::writeString";
            case BYTES, INT128, INT256 -> "TlJsonWriter::writeBytes";
            case BOOL -> "TlJsonWriter::writeBool";
            case DOUBLE -> "TlJsonWriter::writeDouble";
            case BOXED, BARE, ANY_OBJECT -> "TlJsonWriter::writeObject";
            default -> "(ew, e) -> " + write(element, "ew", "e");
        };
    }

    /**
     * @param t the value's type
     * @param r the reader variable
     * @return an expression that reads one value
     */
    static String read(JType t, String r) {
        return switch (t.kind()) {
            case INT -> r + ".readInt()";
            case LONG -> r + ".readLong()";
            case DOUBLE -> r + ".readDouble()";
            case BOOL -> r + ".readBool()";
            case STRING -> r + ".readString()";
            case BYTES -> r + ".readBytes()";
            case INT128 -> r + ".readFixedBytes(16)";
            case INT256 -> r + ".readFixedBytes(32)";
            case BOXED -> t.javaClass() + ".readJson(" + r + ")";
            case BARE -> r + ".readBare(" + t.javaClass() + ".TL_NAME, " + t.javaClass() + "::readJsonFields)";
            case ANY_OBJECT -> r + ".readObject()";
            case METHOD_VARIABLE -> r + ".readMethod()";
            case RESULT_VARIABLE -> throw new IllegalStateException("a result variable is read by the wrapped query");
            case VECTOR -> switch (t.element().kind()) {
                case INT -> r + ".readIntList()";
                case LONG -> r + ".readLongList()";
                default -> r + ".readList(" + decoder(t.element()) + ")";
            };
        };
    }

    private static String decoder(JType element) {
        return switch (element.kind()) {
            case STRING -> "TlJsonReader::readString";
            case BYTES -> "TlJsonReader::readBytes";
            case BOOL -> "TlJsonReader::readBool";
            case DOUBLE -> "TlJsonReader::readDouble";
            case BOXED -> element.javaClass() + "::readJson";
            case ANY_OBJECT -> "TlJsonReader::readObject";
            default -> "e -> " + read(element, "e");
        };
    }
}
