package dev.mtproto.transport;

/**
 * Receives bytes produced by a transport stage: encoded frames on their way to the socket, or decrypted
 * stream bytes on their way to the framing codec.
 *
 * <p>The region passed to {@link #write} belongs to the caller and is valid only during the call: a sink
 * that keeps the bytes must copy them. A sink that is itself a transport stage (such as an
 * {@link ObfuscatedStream}) may transform the region in place before passing it on; that is why codecs
 * always hand their sinks a buffer they own, never the caller's payload array.
 */
@FunctionalInterface
public interface ByteSink {

    /**
     * Accepts {@code len} bytes of {@code b} starting at {@code off}.
     *
     * @param b the array holding the bytes
     * @param off the index of the first byte
     * @param len the number of bytes, possibly 0
     */
    void write(byte[] b, int off, int len);
}
