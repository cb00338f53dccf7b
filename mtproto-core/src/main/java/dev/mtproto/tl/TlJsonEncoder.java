package dev.mtproto.tl;

/**
 * Writes one value to a {@link TlJsonWriter}; generated code passes these for vector elements.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface TlJsonEncoder<T> {
    /**
     * @param w the writer
     * @param value the value
     */
    void write(TlJsonWriter w, T value);
}
