package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlConstructorInfo;
import dev.mtproto.tl.TlIntList;
import dev.mtproto.tl.TlJsonDecoder;
import dev.mtproto.tl.TlJsonException;
import dev.mtproto.tl.TlJsonReader;
import dev.mtproto.tl.TlLongList;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;

/**
 * {@link TlJsonReader} over a Jackson {@link JsonParser}. Reads straight from the token stream; only an
 * object whose {@code "_"} is not its first member is buffered (as a tree) so that its constructor is known
 * before its fields are read, and is then replayed from the tree ({@link ReplayableTokens}).
 */
final class JacksonTlReader implements TlJsonReader {
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private final ReplayableTokens in;
    private final TlClassIndex index;
    private JsonParser p;
    private int nesting;

    /**
     * @param p the parser, positioned on the first token of the value
     * @param ctxt the deserialization context (for buffering trees)
     * @param index the schemas' names
     */
    JacksonTlReader(JsonParser p, DeserializationContext ctxt, TlClassIndex index) {
        this.in = new ReplayableTokens(p, ctxt);
        this.p = p;
        this.index = index;
    }

    // ------------------------------------------------------------------ objects

    @Override
    public String startObject() {
        return open(null);
    }

    @Override
    public void startBareObject(String tlName) {
        open(tlName);
    }

    /** Opens an object and reads its {@code "_"}; for a bare value ({@code bareName} set) it may be absent. */
    private String open(String bareName) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error("expected an object" + (bareName == null ? "" : " of '" + bareName + "'") + ", found " + found());
        }
        in.enterObject();
        JsonToken t = p.nextToken();
        String name;
        if (t == JsonToken.PROPERTY_NAME && "_".equals(p.currentName())) {
            p.nextToken();
            name = typeName();
        } else {
            name = in.bufferWithoutTypeName(t);
            p = in.parser();
        }
        if (bareName != null && name != null && !name.equals(bareName)) {
            throw error("expected '" + bareName + "' (the schema fixes the constructor here), found '" + name + "'");
        }
        if (bareName == null && name == null) {
            throw error("the object has no \"_\" naming its TL constructor");
        }
        return name;
    }

    private String typeName() {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("\"_\" must be a string naming a TL constructor, found " + found());
        }
        return p.getString();
    }

    @Override
    public String nextField() {
        JsonToken t = p.nextToken();
        if (t == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            return field;
        }
        if (t != JsonToken.END_OBJECT) {
            throw error("expected a member or the end of the object, found " + found());
        }
        in.exitObject();
        p = in.parser();
        return null;
    }

    @Override
    public TlObject readObject() {
        enterNested();
        String name = startObject();
        TlObject value = index.registry().readJson(name, this);
        if (value == null) {
            throw unexpected(name, "a constructor or function of a registered schema");
        }
        exitNested();
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> TlMethod<R> readMethod() {
        TlObject value = readObject();
        if (!(value instanceof TlMethod<?> method)) {
            throw error("expected a function, found constructor '" + value.tlName() + "'");
        }
        return (TlMethod<R>) method;
    }

    @Override
    public void enterNested() {
        if (++nesting > MAX_NESTING) {
            throw error("values nested deeper than " + MAX_NESTING + " levels");
        }
    }

    @Override
    public void exitNested() {
        nesting--;
    }

    // ------------------------------------------------------------------ values

    @Override
    public boolean isNull() {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    @Override
    public int readInt() {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw error("expected an int (a JSON integer), found " + found());
        }
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw error(p.getString() + " is out of range for an int");
        }
        return p.getIntValue();
    }

    @Override
    public long readLong() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getString();
            if (!text.isEmpty() && text.charAt(0) != '+') {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw error("\"" + shorten(text) + "\" is not a long (a decimal string from -9223372036854775808 to 9223372036854775807)");
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                throw error(p.getString() + " is out of range for a long");
            }
            return p.getLongValue();
        }
        throw error("expected a long (a decimal string), found " + found());
    }

    @Override
    public double readDouble() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            switch (p.getString()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw error("expected a double (a JSON number, or \"NaN\", \"Infinity\", \"-Infinity\"), found " + found());
    }

    @Override
    public boolean readBool() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        throw error("expected a Bool (true or false), found " + found());
    }

    @Override
    public boolean readFlag() {
        return !isNull() && readBool();
    }

    @Override
    public String readString() {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("expected a string, found " + found());
        }
        return p.getString();
    }

    @Override
    public byte[] readBytes() {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("expected bytes (a base64 string), found " + found());
        }
        String text = p.getString();
        try {
            return BASE64.decode(text);
        } catch (IllegalArgumentException e) {
            throw error("\"" + shorten(text) + "\" is not standard base64 (A-Z a-z 0-9 + /, optional = padding): " + e.getMessage());
        }
    }

    @Override
    public byte[] readFixedBytes(int length) {
        byte[] bytes = readBytes();
        if (bytes.length != length) {
            throw error("an int" + length * 8 + " is " + length + " bytes, this base64 holds " + bytes.length);
        }
        return bytes;
    }

    @Override
    public void skipFlagsWord() {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw error("a flags word is a JSON integer (and is ignored: flags follow from the fields), found " + found());
        }
    }

    @Override
    public <T> List<T> readList(TlJsonDecoder<T> element) {
        startArray("a vector");
        List<T> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(element.read(this));
        }
        return values;
    }

    @Override
    public TlIntList readIntList() {
        startArray("a Vector<int>");
        int[] values = new int[8];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = readInt();
        }
        return TlIntList.of(Arrays.copyOf(values, n));
    }

    @Override
    public TlLongList readLongList() {
        startArray("a Vector<long>");
        long[] values = new long[8];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = readLong();
        }
        return TlLongList.of(Arrays.copyOf(values, n));
    }

    private void startArray(String what) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error("expected " + what + " (a JSON array), found " + found());
        }
    }

    // ------------------------------------------------------------------ errors

    @Override
    public TlJsonException unknownField(String field, String tlName) {
        return error("'" + tlName + "' has no field '" + field + "'");
    }

    @Override
    public TlJsonException missingField(String field, String tlName) {
        return error("'" + tlName + "' needs the field '" + field + "', which is missing");
    }

    @Override
    public TlJsonException unexpectedConstructor(String tlName, String expectedType) {
        return unexpected(tlName, "a constructor of " + expectedType);
    }

    @Override
    public TlJsonException invalidObject(String tlName, RuntimeException cause) {
        return new TlJsonException(in.pointer(), in.line(), in.column(), "'" + tlName + "' refuses these values: " + cause.getMessage(),
                cause);
    }

    /**
     * @param tlName the name {@code "_"} held
     * @param expected what the position needs, in words ("a constructor of Message")
     * @return the exception, saying what the name is if any schema has it
     */
    TlJsonException unexpected(String tlName, String expected) {
        TlConstructorInfo info = index.info(tlName);
        String found = info == null
                ? "'" + shorten(tlName) + "', which no registered schema declares"
                : "'" + tlName + "' (" + (info.kind() == TlConstructorInfo.Kind.FUNCTION ? "a function returning " : "a constructor of ")
                        + info.type() + ")";
        return error("expected " + expected + ", found " + found);
    }

    private String found() {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + shorten(p.getString()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private TlJsonException error(String problem) {
        return new TlJsonException(in.pointer(), in.line(), in.column(), problem, null);
    }
}
