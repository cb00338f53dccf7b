package dev.mtproto.keyexchange;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one whole unencrypted message as it goes on the wire, without transport framing: what a
 * key-exchange step asks the caller to send. Immutable: the bytes are copied in and out.
 * {@code toString} shows the length only.
 */
public final class EncodedMessage {
    private final byte[] bytes;

    /**
     * @param bytes the message, copied
     * @throws NullPointerException if {@code bytes} is {@code null}
     */
    public EncodedMessage(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** @return a copy of the bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return how many bytes the message has */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedMessage that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length + " bytes";
    }
}
