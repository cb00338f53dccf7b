package dev.mtproto.tl;

/**
 * Reads TL values from a region of a byte array, little-endian, as
 * <a href="https://core.telegram.org/mtproto/serialize">serialize</a> describes: the fixed-size and
 * length-prefixed values (inherited from the package's value cursor), vectors, boxed objects of any
 * registered schema, and functions.
 *
 * <p>Every problem with the bytes (too few of them, a length or vector count that cannot fit in what is
 * left, an unknown or unexpected constructor id, values nested more than {@value #MAX_NESTING} levels)
 * raises a {@link TlDecodeException} naming the offset and the problem; nothing is allocated for a length
 * before it has been checked against the remaining bytes. A reader is not thread-safe.
 */
public final class TlReader extends TlValueReader {
    /** Deepest nesting of recursive types (rich text, page blocks, JSON values, wrapped queries) accepted. */
    public static final int MAX_NESTING = 100;

    static final int VECTOR_ID = 0x1cb5c415;

    private int nesting;
    private TlRegistry registry;

    /**
     * Reads all of {@code buf}; untyped objects are resolved with {@link TlRegistry#standard()}.
     *
     * @param buf the bytes, not copied
     */
    public TlReader(byte[] buf) {
        this(buf, 0, buf.length, null);
    }

    /**
     * Reads {@code length} bytes of {@code buf} from {@code offset}.
     *
     * @param buf the bytes, not copied
     * @param offset where the region starts
     * @param length its length
     * @throws IndexOutOfBoundsException if the region is not inside {@code buf}
     */
    public TlReader(byte[] buf, int offset, int length) {
        this(buf, offset, length, null);
    }

    /**
     * Reads a region and resolves untyped objects ({@code Object}, {@code !X}) with {@code registry}.
     *
     * @param buf the bytes, not copied
     * @param offset where the region starts
     * @param length its length
     * @param registry the registry, or {@code null} for {@link TlRegistry#standard()}
     * @throws IndexOutOfBoundsException if the region is not inside {@code buf}
     */
    public TlReader(byte[] buf, int offset, int length, TlRegistry registry) {
        super(buf, offset, length);
        this.registry = registry;
    }

    // ------------------------------------------------------------------ vectors

    private int readCount(int minElementSize) {
        int p = pos;
        int count = readInt();
        if (count < 0 || count > (limit - pos) / minElementSize) {
            throw error(p, "vector count " + count + " cannot fit in the " + (limit - pos) + " bytes that remain");
        }
        return count;
    }

    private void readVectorId() {
        int id = readInt();
        if (id != VECTOR_ID) {
            throw unexpectedConstructor(id, "Vector");
        }
    }

    /**
     * Reads a boxed {@code Vector<T>}.
     *
     * @param decoder reads one element
     * @param minElementSize the fewest bytes an element takes; bounds the count before anything is allocated
     * @param <T> the element type
     * @return the elements
     */
    public <T> TlList<T> readVector(TlDecoder<T> decoder, int minElementSize) {
        readVectorId();
        return readBareVector(decoder, minElementSize);
    }

    /**
     * Reads a bare {@code vector<T>}: a count and the elements.
     *
     * @param decoder reads one element
     * @param minElementSize the fewest bytes an element takes (at least 1)
     * @param <T> the element type
     * @return the elements
     */
    public <T> TlList<T> readBareVector(TlDecoder<T> decoder, int minElementSize) {
        int count = readCount(Math.max(1, minElementSize));
        if (count == 0) {
            return TlList.of();
        }
        Object[] items = new Object[count];
        for (int i = 0; i < count; i++) {
            items[i] = decoder.read(this);
        }
        return new TlList<>(items);
    }

    /** @return a boxed {@code Vector<int>} */
    public TlIntList readIntVector() {
        readVectorId();
        return readBareIntVector();
    }

    /** @return a bare {@code vector<int>} */
    public TlIntList readBareIntVector() {
        int count = readCount(4);
        int[] values = new int[count];
        int p = pos;
        for (int i = 0; i < count; i++, p += 4) {
            values[i] = (int) INT.get(buf, p);
        }
        pos = p;
        return new TlIntList(values);
    }

    /** @return a boxed {@code Vector<long>} */
    public TlLongList readLongVector() {
        readVectorId();
        return readBareLongVector();
    }

    /** @return a bare {@code vector<long>} */
    public TlLongList readBareLongVector() {
        int count = readCount(8);
        long[] values = new long[count];
        int p = pos;
        for (int i = 0; i < count; i++, p += 8) {
            values[i] = (long) LONG.get(buf, p);
        }
        pos = p;
        return new TlLongList(values);
    }

    // ------------------------------------------------------------------ untyped objects

    /**
     * Reads any boxed object of the registry's schemas ({@code Object} fields such as {@code rpc_result}'s).
     *
     * @return the object
     * @throws TlDecodeException if the id is unknown, is a built-in that has no class ({@code vector},
     *     {@code Bool}), or the fields are malformed
     */
    public TlObject readObject() {
        enterNested();
        int p = pos;
        int id = readInt();
        TlObject value = registry().readBare(id, this);
        if (value == null) {
            String name = registry().nameOf(id);
            throw error(p, name == null
                    ? "unknown constructor 0x" + Integer.toHexString(id)
                    : "'" + name + "' (0x" + Integer.toHexString(id) + ") cannot be decoded without knowing its element type");
        }
        exitNested();
        return value;
    }

    /**
     * Reads a serialized function ({@code !X} fields such as {@code invokeWithLayer}'s {@code query}).
     *
     * @param <R> the function's result type, as the caller expects it
     * @return the function
     * @throws TlDecodeException if the object is not a function
     */
    @SuppressWarnings("unchecked")
    public <R> TlMethod<R> readMethod() {
        int p = pos;
        TlObject value = readObject();
        if (!(value instanceof TlMethod<?> method)) {
            throw error(p, "expected a function, found constructor '" + value.tlName() + "'");
        }
        return (TlMethod<R>) method;
    }

    /**
     * Marks the start of a value of a recursive type.
     *
     * @throws TlDecodeException beyond {@value #MAX_NESTING} levels
     */
    public void enterNested() {
        if (++nesting > MAX_NESTING) {
            throw error(pos, "values nested deeper than " + MAX_NESTING + " levels");
        }
    }

    /** Marks the end of a value of a recursive type. */
    public void exitNested() {
        nesting--;
    }

    @Override
    public TlDecodeException unexpectedConstructor(int id, String expectedType) {
        String name = registry().nameOf(id);
        String found = "0x" + Integer.toHexString(id) + (name == null ? " (unknown)" : " ('" + name + "')");
        return error(pos - 4, "expected a " + expectedType + ", found constructor " + found);
    }

    private TlRegistry registry() {
        if (registry == null) {
            registry = TlRegistry.standard();
        }
        return registry;
    }
}
