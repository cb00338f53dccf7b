package dev.mtproto.client.proxy;

/**
 * The client side of a proxy's handshake as a state machine over bytes, without I/O: the caller sends
 * {@link #start()}, then reads at most {@link #wanted()} bytes at a time and hands them to {@link #receive},
 * sending what it returns, until {@link #done()}. Reading no more than {@code wanted()} means no byte past the
 * handshake's end is ever taken from the connection. Not thread-safe; one per connection.
 */
interface ProxyHandshake {

    /** @return the bytes the client sends first */
    byte[] start();

    /** @return how many bytes may be read next without reading past the handshake's end; 0 once done */
    int wanted();

    /**
     * Takes bytes the proxy sent.
     *
     * @param data a buffer
     * @param offset where the bytes start
     * @param length how many (at most {@link #wanted()})
     * @return the bytes to send now (often none)
     * @throws HandshakeFailure if the proxy refused or answered with something else than the protocol
     * @throws IllegalArgumentException if {@code length} is more than {@link #wanted()}
     */
    byte[] receive(byte[] data, int offset, int length) throws HandshakeFailure;

    /** @return whether the tunnel is open: the next byte sent goes to the target */
    boolean done();
}
