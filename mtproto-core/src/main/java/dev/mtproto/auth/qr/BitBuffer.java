package dev.mtproto.auth.qr;

import java.util.Arrays;

/** A growing sequence of bits, appended most significant bit first, read back as bytes. */
final class BitBuffer {
    private byte[] bytes = new byte[32];
    private int length;

    /**
     * Appends the low {@code count} bits of {@code value}, most significant first.
     *
     * @throws IllegalArgumentException if {@code count} is outside 0..31 or {@code value} has higher bits set
     */
    void append(int value, int count) {
        if (count < 0 || count > 31 || value >>> count != 0) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + count + " bits");
        }
        for (int i = count - 1; i >= 0; i--) {
            appendBit(((value >>> i) & 1) != 0);
        }
    }

    private void appendBit(boolean bit) {
        if (length == bytes.length * 8) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        if (bit) {
            bytes[length >>> 3] |= (byte) (0x80 >>> (length & 7));
        }
        length++;
    }

    /** The number of bits appended so far. */
    int length() {
        return length;
    }

    /**
     * The bits as bytes, the first bit in the high bit of the first byte.
     *
     * @throws IllegalStateException if the length is not a whole number of bytes
     */
    byte[] toBytes() {
        if ((length & 7) != 0) {
            throw new IllegalStateException(length + " bits are not a whole number of bytes");
        }
        return Arrays.copyOf(bytes, length >>> 3);
    }
}
