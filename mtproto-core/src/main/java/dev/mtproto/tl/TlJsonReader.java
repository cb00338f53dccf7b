package dev.mtproto.tl;

/**
 * Where generated classes read their JSON form from (see {@code docs/tl.md}, "TL and JSON"). Implemented
 * over a JSON library's streaming parser, such as Jackson's in {@code dev.mtproto.tl.jackson}; this
 * interface itself needs no JSON library.
 *
 * <p>The reader is always positioned <em>on</em> a value: the value methods read the value under the
 * cursor, and {@link #nextField()} moves to the next member and onto its value. Every failure is a
 * {@link TlJsonException} naming the position. A reader is not thread-safe.
 */
public interface TlJsonReader {
    /** Deepest nesting of recursive types and untyped objects accepted, as for the binary form. */
    int MAX_NESTING = TlReader.MAX_NESTING;

    /**
     * Opens the object under the cursor and reads its {@code "_"} member, wherever it is in the object.
     *
     * @return the TL name {@code "_"} holds
     * @throws TlJsonException if the value is not an object or has no string {@code "_"}
     */
    String startObject();

    /**
     * Opens the object of a bare value, whose constructor the schema fixes: {@code "_"} may be left out,
     * but if present must name that constructor.
     *
     * @param tlName the constructor's TL name
     * @throws TlJsonException if the value is not an object or {@code "_"} names another constructor
     */
    void startBareObject(String tlName);

    /**
     * Moves to the next member of the current object and onto its value.
     *
     * @return the member's name, or {@code null} when the object ended (it is then closed)
     */
    String nextField();

    /** @return whether the value under the cursor is JSON {@code null} (optional fields read it as absent) */
    boolean isNull();

    /** @return the value as a TL {@code int}: a JSON integer in range */
    int readInt();

    /** @return the value as a TL {@code long}: a decimal string or a JSON integer in range */
    long readLong();

    /** @return the value as a TL {@code double}: a JSON number, or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} */
    double readDouble();

    /** @return the value as a TL {@code Bool}: a JSON boolean */
    boolean readBool();

    /** @return a {@code true} flag: a JSON boolean, {@code null} read as not set */
    boolean readFlag();

    /** @return the value as a TL {@code string}: a JSON string */
    String readString();

    /** @return the value as TL {@code bytes}: a standard base64 string (padding optional) */
    byte[] readBytes();

    /**
     * @param length 16 for {@code int128}, 32 for {@code int256}
     * @return the value: a standard base64 string of exactly {@code length} bytes
     */
    byte[] readFixedBytes(int length);

    /** Reads and ignores the value of a flags word ({@code flags}, {@code flags2}): they follow from the fields. */
    void skipFlagsWord();

    /**
     * @param element reads one element
     * @param <T> the element type
     * @return the value as a vector: a JSON array (a new list, which the object's constructor copies)
     */
    <T> java.util.List<T> readList(TlJsonDecoder<T> element);

    /** @return the value as a {@code Vector<int>}: a JSON array of integers */
    TlIntList readIntList();

    /** @return the value as a {@code Vector<long>}: a JSON array of decimal strings or integers */
    TlLongList readLongList();

    /**
     * @return the value as any boxed object of the registered schemas (an {@code Object} field), found by its
     *     {@code "_"}
     */
    TlObject readObject();

    /**
     * @param <R> the function's result type, as the caller expects it
     * @return the value as a function (a {@code !X} field such as {@code invokeWithLayer}'s {@code query})
     */
    <R> TlMethod<R> readMethod();

    /**
     * Reads a bare value: the object of a constructor the schema fixes.
     *
     * @param tlName the constructor's TL name
     * @param fields reads the members after {@code "_"}
     * @param <T> the constructor's class
     * @return the value
     */
    default <T> T readBare(String tlName, TlJsonDecoder<T> fields) {
        startBareObject(tlName);
        return fields.read(this);
    }

    /**
     * Marks the start of a value of a recursive type.
     *
     * @throws TlJsonException beyond {@value #MAX_NESTING} levels
     */
    void enterNested();

    /** Marks the end of a value of a recursive type. */
    void exitNested();

    /**
     * @param field a member name the constructor does not have
     * @param tlName the constructor
     * @return the exception, positioned at the member, for the caller to throw
     */
    TlJsonException unknownField(String field, String tlName);

    /**
     * @param field a required field the object lacks
     * @param tlName the constructor
     * @return the exception, positioned at the object's end, for the caller to throw
     */
    TlJsonException missingField(String field, String tlName);

    /**
     * @param tlName the name {@code "_"} holds
     * @param expectedType the TL type the position needs
     * @return the exception for the caller to throw
     */
    TlJsonException unexpectedConstructor(String tlName, String expectedType);

    /**
     * @param tlName the constructor
     * @param cause what its constructor refused (fields sharing a flag bit not set together, a wrong
     *     {@code int128} length)
     * @return the exception for the caller to throw
     */
    TlJsonException invalidObject(String tlName, RuntimeException cause);
}
