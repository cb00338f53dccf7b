package dev.mtproto.client;

/** The state of a client's connection to a DC. */
public enum ConnectionState {
    /** Not connected; a reconnect may be pending. */
    DISCONNECTED,
    /** Opening the socket, or creating the authorization key. */
    CONNECTING,
    /** Connected with an authorization key; calls flow. */
    CONNECTED,
    /** Closed for good. */
    CLOSED
}
