package dev.mtproto.tl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes TL values into a growing byte array, little-endian, as
 * <a href="https://core.telegram.org/mtproto/serialize">serialize</a> describes.
 *
 * <p>A writer can be {@link #reset()} and reused so that steady-state encoding allocates nothing. Not
 * thread-safe.
 */
public final class TlWriter {
    /** The largest {@code bytes}/{@code string} TL can carry: a 3-byte length. */
    public static final int MAX_BYTES_LENGTH = (1 << 24) - 1;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int pos;

    /** Creates a writer with a small initial buffer. */
    public TlWriter() {
        this(256);
    }

    /**
     * @param initialCapacity the initial buffer size; the buffer grows as needed
     */
    public TlWriter(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            grow(n);
        }
    }

    private void grow(int n) {
        long wanted = Math.max((long) buf.length * 2, (long) pos + n);
        if (wanted > Integer.MAX_VALUE - 16) {
            if ((long) pos + n > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("TL output would exceed 2 GiB");
            }
            wanted = Integer.MAX_VALUE - 16;
        }
        buf = Arrays.copyOf(buf, (int) wanted);
    }

    /** @return how many bytes have been written */
    public int size() {
        return pos;
    }

    /** Forgets what was written, keeping the buffer for reuse. */
    public void reset() {
        pos = 0;
    }

    /** @return a copy of what was written */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /**
     * The internal buffer, valid from 0 to {@link #size()}, for callers that consume it before writing again
     * (the session encrypts from it without a copy). It is replaced when the writer grows.
     *
     * @return the buffer
     */
    public byte[] buffer() {
        return buf;
    }

    /**
     * Overwrites 4 bytes written earlier, to fill in a length or count once it is known.
     *
     * @param position where the int starts
     * @param value the value
     * @throws IndexOutOfBoundsException if the position was not written yet
     */
    public void setInt(int position, int value) {
        Objects.checkFromIndexSize(position, 4, pos);
        INT.set(buf, position, value);
    }

    /** @param v a 32-bit integer */
    public void writeInt(int v) {
        ensure(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    /** @param v a 64-bit integer */
    public void writeLong(long v) {
        ensure(8);
        LONG.set(buf, pos, v);
        pos += 8;
    }

    /** @param v a double */
    public void writeDouble(double v) {
        writeLong(Double.doubleToRawLongBits(v));
    }

    /** @param v a boolean, written as boxed {@code boolTrue} or {@code boolFalse} */
    public void writeBool(boolean v) {
        writeInt(v ? TlReader.BOOL_TRUE : TlReader.BOOL_FALSE);
    }

    /** @param bytes written as they are, without a length (for {@code int128}, {@code int256}) */
    public void writeRaw(byte[] bytes) {
        writeRaw(bytes, 0, bytes.length);
    }

    /**
     * @param bytes the source
     * @param offset the first byte to write
     * @param length how many bytes
     */
    public void writeRaw(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensure(length);
        System.arraycopy(bytes, offset, buf, pos, length);
        pos += length;
    }

    /** @param bytes written as TL {@code bytes}: length, data, zero padding to a multiple of 4 */
    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    /**
     * @param bytes the source
     * @param offset the first byte
     * @param length how many bytes
     * @throws IllegalArgumentException if {@code length} exceeds {@link #MAX_BYTES_LENGTH}
     */
    public void writeBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length > MAX_BYTES_LENGTH) {
            throw new IllegalArgumentException("TL bytes of " + length + " exceed the maximum of " + MAX_BYTES_LENGTH);
        }
        int header = length < 254 ? 1 : 4;
        int total = (header + length + 3) & ~3;
        ensure(total);
        int p = pos;
        writeHeader(p, header, length);
        System.arraycopy(bytes, offset, buf, p + header, length);
        zeroPadding(p + header + length, p + total);
        pos = p + total;
    }

    private void writeHeader(int p, int header, int length) {
        if (header == 1) {
            buf[p] = (byte) length;
        } else {
            INT.set(buf, p, (length << 8) | 254);
        }
    }

    private void zeroPadding(int from, int to) {
        for (int i = from; i < to; i++) {
            buf[i] = 0;
        }
    }

    /**
     * Writes TL {@code string}: the UTF-8 bytes of {@code s} as {@code bytes}. Unpaired surrogates become
     * {@code ?}, as in {@link String#getBytes(java.nio.charset.Charset)}.
     *
     * @param s the text
     * @throws IllegalArgumentException if its UTF-8 form exceeds {@link #MAX_BYTES_LENGTH}
     */
    public void writeString(String s) {
        int n = s.length();
        int header;
        if (n * 3 < 254) {
            header = 1;             // at most 3 bytes per char: certainly short
        } else if (n >= 254) {
            header = 4;             // at least 1 byte per char: certainly long
        } else {
            header = utf8Length(s) < 254 ? 1 : 4;
        }
        ensure(header + 3 * n + 3);
        int p = pos;
        int data = p + header;
        int end = encodeUtf8(s, n, data);
        int length = end - data;
        if (length > MAX_BYTES_LENGTH) {
            throw new IllegalArgumentException("TL string of " + length + " UTF-8 bytes exceeds the maximum of " + MAX_BYTES_LENGTH);
        }
        writeHeader(p, header, length);
        int total = (header + length + 3) & ~3;
        zeroPadding(end, p + total);
        pos = p + total;
    }

    private int encodeUtf8(String s, int n, int p) {
        byte[] b = buf;
        int i = 0;
        while (i < n) { // ASCII run: one byte per char, the common case
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            b[p++] = (byte) c;
            i++;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                char low;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(low = s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, low);
                    b[p++] = (byte) (0xf0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[p++] = (byte) (0x80 | (cp & 0x3f));
                    i++;
                } else {
                    b[p++] = '?';
                }
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return p;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 4;
                i++;
            } else {
                len += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return len;
    }

    /** @param o written boxed (with its constructor id) */
    public void writeObject(TlObject o) {
        o.write(this);
    }

    /** @param o written bare (fields only) */
    public void writeBareObject(TlObject o) {
        o.writeBare(this);
    }

    /**
     * Writes a boxed {@code Vector<T>}.
     *
     * @param list the elements
     * @param encoder writes one element
     * @param <T> the element type
     */
    public <T> void writeVector(List<T> list, TlEncoder<? super T> encoder) {
        writeInt(TlReader.VECTOR_ID);
        writeBareVector(list, encoder);
    }

    /**
     * Writes a bare {@code vector<T>}: count and elements.
     *
     * @param list the elements
     * @param encoder writes one element
     * @param <T> the element type
     */
    public <T> void writeBareVector(List<T> list, TlEncoder<? super T> encoder) {
        int n = list.size();
        writeInt(n);
        for (int i = 0; i < n; i++) {
            encoder.write(this, list.get(i));
        }
    }

    /** @param list written as a boxed {@code Vector<int>} */
    public void writeIntVector(List<Integer> list) {
        writeInt(TlReader.VECTOR_ID);
        writeBareIntVector(list);
    }

    /** @param list written as a bare {@code vector<int>} */
    public void writeBareIntVector(List<Integer> list) {
        int n = list.size();
        ensure(4 + 4 * n);
        writeInt(n);
        if (list instanceof TlIntList ints) {
            for (int i = 0; i < n; i++) {
                INT.set(buf, pos, ints.getInt(i));
                pos += 4;
            }
        } else {
            for (int i = 0; i < n; i++) {
                writeInt(list.get(i));
            }
        }
    }

    /** @param list written as a boxed {@code Vector<long>} */
    public void writeLongVector(List<Long> list) {
        writeInt(TlReader.VECTOR_ID);
        writeBareLongVector(list);
    }

    /** @param list written as a bare {@code vector<long>} */
    public void writeBareLongVector(List<Long> list) {
        int n = list.size();
        ensure(4 + 8 * n);
        writeInt(n);
        if (list instanceof TlLongList longs) {
            for (int i = 0; i < n; i++) {
                LONG.set(buf, pos, longs.getLong(i));
                pos += 8;
            }
        } else {
            for (int i = 0; i < n; i++) {
                writeLong(list.get(i));
            }
        }
    }
}
