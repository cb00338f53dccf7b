package dev.mtproto.crypto;

import java.math.BigInteger;

/** Conversions between {@link BigInteger} and the fixed-width big-endian byte strings of MTProto. */
final class BigEndianNumbers {
    private BigEndianNumbers() {
    }

    /**
     * Writes {@code value} as exactly {@code size} big-endian bytes, left-padded with zeros.
     *
     * @throws IllegalArgumentException if the value is negative or does not fit
     */
    static byte[] toFixedBigEndian(BigInteger value, int size) {
        if (value.signum() < 0 || value.bitLength() > size * 8) {
            throw new IllegalArgumentException("number does not fit in " + size + " unsigned bytes");
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return out;
    }

    /** Reads unsigned big-endian bytes. */
    static BigInteger fromBigEndian(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    /** The minimal unsigned big-endian encoding (no leading zero bytes; zero gives one zero byte). */
    static byte[] toMinimalBigEndian(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative number");
        }
        byte[] raw = value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            return java.util.Arrays.copyOfRange(raw, 1, raw.length);
        }
        return raw;
    }
}
