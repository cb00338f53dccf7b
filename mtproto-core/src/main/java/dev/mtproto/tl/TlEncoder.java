package dev.mtproto.tl;

/**
 * Writes one value; used for the elements of vectors.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface TlEncoder<T> {
    /**
     * @param w the writer
     * @param value the value to write
     */
    void write(TlWriter w, T value);
}
