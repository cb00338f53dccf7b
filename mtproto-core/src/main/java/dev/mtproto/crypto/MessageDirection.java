package dev.mtproto.crypto;

/**
 * Which way an MTProto 2.0 message travels. The direction selects the parts of {@code auth_key} used for
 * {@code msg_key} and for the AES key and IV: {@code x = 0} for messages from client to server,
 * {@code x = 8} for messages from server to client.
 */
public enum MessageDirection {
    /** A message sent by the client ({@code x = 0}). */
    CLIENT_TO_SERVER(0),
    /** A message sent by the server ({@code x = 8}). */
    SERVER_TO_CLIENT(8);

    private final int x;

    MessageDirection(int x) {
        this.x = x;
    }

    /**
     * Returns the offset {@code x} of the MTProto 2.0 formulas.
     *
     * @return 0 or 8
     */
    public int x() {
        return x;
    }

    /**
     * Returns the other direction.
     *
     * @return the direction of the replies
     */
    public MessageDirection reverse() {
        return this == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
    }
}
