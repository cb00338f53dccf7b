package dev.mtproto.tl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads TL values from a region of a byte array, little-endian, as
 * <a href="https://core.telegram.org/mtproto/serialize">serialize</a> describes.
 *
 * <p>Every problem with the bytes (too few of them, a length or vector count that cannot fit in what is
 * left, an unknown or unexpected constructor id, values nested more than {@value #MAX_NESTING} levels)
 * raises a {@link TlDecodeException} naming the offset and the problem; nothing is allocated for a length
 * before it has been checked against the remaining bytes. A reader is not thread-safe.
 */
public final class TlReader {
    /** Deepest nesting of recursive types (rich text, page blocks, JSON values, wrapped queries) accepted. */
    public static final int MAX_NESTING = 100;

    static final int VECTOR_ID = 0x1cb5c415;
    static final int BOOL_TRUE = 0x997275b5;
    static final int BOOL_FALSE = 0xbc799737;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buf;
    private final int start;
    private final int limit;
    private int pos;
    private int nesting;
    private TlRegistry registry;
    private int bytesLength;

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
        Objects.checkFromIndexSize(offset, length, buf.length);
        this.buf = buf;
        this.start = offset;
        this.limit = offset + length;
        this.pos = offset;
        this.registry = registry;
    }

    /** @return the offset of the next byte, counted from the start of the region */
    public int position() {
        return pos - start;
    }

    /** @return how many bytes are left */
    public int remaining() {
        return limit - pos;
    }

    /**
     * Skips bytes.
     *
     * @param n how many
     * @throws TlDecodeException if fewer remain
     */
    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            throw error(pos, "cannot skip " + n + " bytes, " + (limit - pos) + " remain");
        }
        pos += n;
    }

    /**
     * Checks that every byte was consumed.
     *
     * @throws TlDecodeException if bytes remain
     */
    public void expectEnd() {
        if (pos != limit) {
            throw error(pos, (limit - pos) + " unexpected bytes after the end of the value");
        }
    }

    // ------------------------------------------------------------------ primitives

    /** @return the next 32-bit integer */
    public int readInt() {
        int p = pos;
        if (limit - p < 4) {
            throw truncated(p, "an int");
        }
        pos = p + 4;
        return (int) INT.get(buf, p);
    }

    /**
     * @return the next 32-bit integer, without consuming it (to look at a constructor id before deciding
     *     how to read)
     */
    public int peekInt() {
        int p = pos;
        if (limit - p < 4) {
            throw truncated(p, "an int");
        }
        return (int) INT.get(buf, p);
    }

    /** @return the next 64-bit integer */
    public long readLong() {
        int p = pos;
        if (limit - p < 8) {
            throw truncated(p, "a long");
        }
        pos = p + 8;
        return (long) LONG.get(buf, p);
    }

    /** @return the next IEEE 754 double */
    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /**
     * @return the next boxed {@code Bool}
     * @throws TlDecodeException if the id is neither {@code boolTrue} nor {@code boolFalse}
     */
    public boolean readBool() {
        int id = readInt();
        if (id == BOOL_TRUE) {
            return true;
        }
        if (id == BOOL_FALSE) {
            return false;
        }
        throw unexpectedConstructor(id, "Bool");
    }

    /** @return the next {@code int128}, 16 bytes */
    public byte[] readInt128() {
        return readRaw(16, "an int128");
    }

    /** @return the next {@code int256}, 32 bytes */
    public byte[] readInt256() {
        return readRaw(32, "an int256");
    }

    /**
     * @param n how many bytes
     * @return the next {@code n} bytes, copied
     * @throws TlDecodeException if fewer remain
     */
    public byte[] readRaw(int n) {
        return readRaw(n, n + " raw bytes");
    }

    private byte[] readRaw(int n, String what) {
        int p = pos;
        if (n < 0 || limit - p < n) {
            throw truncated(p, what);
        }
        pos = p + n;
        return Arrays.copyOfRange(buf, p, p + n);
    }

    /**
     * Consumes a TL {@code bytes}/{@code string} header, its data and padding; leaves the data's length in
     * {@link #bytesLength}.
     *
     * @return the offset of the data in {@link #buf}
     */
    private int consumeLengthPrefixed(String what) {
        int p = pos;
        if (p >= limit) {
            throw truncated(p, what);
        }
        int first = buf[p] & 0xff;
        int header;
        int len;
        if (first < 254) {
            header = 1;
            len = first;
        } else if (first == 254) {
            if (limit - p < 4) {
                throw truncated(p, what + " length");
            }
            header = 4;
            len = ((int) INT.get(buf, p)) >>> 8;
        } else {
            throw error(p, "length prefix 0xff of " + what + " is not valid TL");
        }
        int total = (header + len + 3) & ~3;
        if (total > limit - p) {
            throw error(p, what + " of " + len + " bytes does not fit in the " + (limit - p) + " bytes that remain");
        }
        pos = p + total;
        bytesLength = len;
        return p + header;
    }

    /** @return the next TL {@code bytes}, copied */
    public byte[] readBytes() {
        int from = consumeLengthPrefixed("a bytes value");
        return Arrays.copyOfRange(buf, from, from + bytesLength);
    }

    /** @return the next TL {@code string}, decoded as UTF-8 (malformed sequences become U+FFFD) */
    public String readString() {
        int from = consumeLengthPrefixed("a string");
        return new String(buf, from, bytesLength, StandardCharsets.UTF_8);
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

    /**
     * Builds the exception for a constructor id that is not one of the expected type's; the id has just
     * been read.
     *
     * @param id the id read
     * @param expectedType the TL type that was expected
     * @return the exception, for the caller to throw
     */
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

    private TlDecodeException truncated(int at, String what) {
        return error(at, "truncated: " + what + " needs more than the " + (limit - at) + " bytes that remain");
    }

    private TlDecodeException error(int at, String problem) {
        return new TlDecodeException(at - start, problem);
    }
}
