package dev.mtproto.tl;

import java.util.Objects;

/** Argument checks that generated constructors share. */
public final class TlChecks {
    private TlChecks() {
    }

    /**
     * Checks and copies an {@code int128} or {@code int256} value.
     *
     * @param value the bytes
     * @param length the required length, 16 or 32
     * @param label the {@code Class.field} being set, for messages
     * @return a copy of {@code value}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it has another length
     */
    public static byte[] fixedLength(byte[] value, int length, String label) {
        Objects.requireNonNull(value, () -> label + " is required");
        if (value.length != length) {
            throw new IllegalArgumentException(label + " must be " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }
}
