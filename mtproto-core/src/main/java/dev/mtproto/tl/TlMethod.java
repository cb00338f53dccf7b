package dev.mtproto.tl;

/**
 * A TL function: a request that a client sends and whose answer decodes to {@code R}.
 *
 * @param <R> the Java type of the result ({@code Boolean} for TL {@code Bool}, {@code List<...>} for vectors)
 */
public interface TlMethod<R> extends TlObject {

    /**
     * Decodes this function's result.
     *
     * @param r a reader positioned at the result (the {@code result} of an {@code rpc_result})
     * @return the result
     * @throws TlDecodeException if the bytes are not a valid result of this function
     */
    R readResult(TlReader r);
}
