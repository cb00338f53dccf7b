package dev.mtproto.tl;

/**
 * Reads one value from a {@link TlJsonReader}; generated code passes these for vector elements.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface TlJsonDecoder<T> {
    /**
     * @param r the reader, positioned on the value
     * @return the value
     * @throws TlJsonException if the JSON is not a valid value of the type
     */
    T read(TlJsonReader r);
}
