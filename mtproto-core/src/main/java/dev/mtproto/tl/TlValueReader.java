package dev.mtproto.tl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The values half of {@link TlReader}: a cursor over a region of a byte array that reads TL's
 * fixed-size values ({@code int}, {@code long}, {@code double}, {@code Bool}, {@code int128},
 * {@code int256}) and its length-prefixed ones ({@code bytes}, {@code string}), little-endian, as
 * <a href="https://core.telegram.org/mtproto/serialize">serialize</a> describes. Every length is
 * checked against the remaining bytes before anything is allocated. {@link TlReader} adds vectors,
 * boxed objects and nesting on top.
 */
abstract sealed class TlValueReader permits TlReader {
    static final int BOOL_TRUE = 0x997275b5;
    static final int BOOL_FALSE = 0xbc799737;

    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final byte[] buf;
    final int start;
    final int limit;
    int pos;
    private int bytesLength;

    /**
     * @param buf the bytes, not copied
     * @param offset where the region starts
     * @param length its length
     * @throws IndexOutOfBoundsException if the region is not inside {@code buf}
     */
    TlValueReader(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        this.buf = buf;
        this.start = offset;
        this.limit = offset + length;
        this.pos = offset;
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

    /**
     * Builds the exception for a constructor id that is not one of the expected type's; the id has just
     * been read.
     *
     * @param id the id read
     * @param expectedType the TL type that was expected
     * @return the exception, for the caller to throw
     */
    public abstract TlDecodeException unexpectedConstructor(int id, String expectedType);

    final TlDecodeException truncated(int at, String what) {
        return error(at, "truncated: " + what + " needs more than the " + (limit - at) + " bytes that remain");
    }

    final TlDecodeException error(int at, String problem) {
        return new TlDecodeException(at - start, problem);
    }
}
