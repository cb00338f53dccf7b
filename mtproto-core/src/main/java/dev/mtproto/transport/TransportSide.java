package dev.mtproto.transport;

/**
 * Which end of a connection a codec serves. The framings are not symmetric: only a client requests quick
 * acknowledgements and only a server sends quick-ack tokens and transport errors, and both look different
 * on the wire.
 */
public enum TransportSide {
    /** The end that opens the connection and sends the connection tag or obfuscated2 header. */
    CLIENT,
    /** The end that accepts the connection (a Telegram DC, an MTProxy, the testkit). */
    SERVER
}
