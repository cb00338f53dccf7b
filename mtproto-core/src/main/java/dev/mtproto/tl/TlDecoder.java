package dev.mtproto.tl;

/**
 * Reads one value; used for the elements of vectors.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface TlDecoder<T> {
    /**
     * @param r the reader
     * @return the value read
     * @throws TlDecodeException if the bytes are not a valid value
     */
    T read(TlReader r);
}
