package dev.mtproto.crypto;

import java.math.BigInteger;

/**
 * Just enough of a DER reader for PKCS#1 RSA keys: SEQUENCE and INTEGER with definite lengths. Every
 * malformed input raises {@link KeyFormatException}.
 */
final class DerReader {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private final byte[] data;
    private int position;
    private final int end;

    DerReader(byte[] data) {
        this(data, 0, data.length);
    }

    private DerReader(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    /** Reads a SEQUENCE header and returns a reader over its contents. */
    DerReader sequence() {
        int length = header(SEQUENCE, "SEQUENCE");
        DerReader inner = new DerReader(data, position, position + length);
        position += length;
        return inner;
    }

    /** Reads an INTEGER. */
    BigInteger integer() {
        int length = header(INTEGER, "INTEGER");
        if (length == 0) {
            throw new KeyFormatException("DER INTEGER has no content");
        }
        byte[] value = java.util.Arrays.copyOfRange(data, position, position + length);
        position += length;
        return new BigInteger(value);
    }

    boolean hasMore() {
        return position < end;
    }

    private int header(int expectedTag, String name) {
        if (position + 2 > end) {
            throw new KeyFormatException("DER data ends where a " + name + " was expected");
        }
        int tag = data[position++] & 0xFF;
        if (tag != expectedTag) {
            throw new KeyFormatException("DER tag 0x" + Integer.toHexString(tag) + " found where a " + name + " was expected");
        }
        int first = data[position++] & 0xFF;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 3 || position + count > end) {
                throw new KeyFormatException("DER length of a " + name + " is malformed");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[position++] & 0xFF);
            }
        }
        if (length > end - position) {
            throw new KeyFormatException("DER " + name + " of " + length + " bytes runs past the end of its container");
        }
        return length;
    }
}
