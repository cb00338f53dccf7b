package dev.mtproto.transport;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A ClientHello that passed {@link FakeTlsServerHandshake#verify}: the parts the server needs afterwards.
 *
 * @param clientRandom the 32-byte random (what replay caches remember; the server's reply HMAC covers it)
 * @param sessionId the session id, echoed in the ServerHello
 * @param unixTime the client's time, in seconds
 * @param serverName the SNI host name
 */
public record FakeTlsHello(byte[] clientRandom, byte[] sessionId, long unixTime, String serverName) {
    /** Copies the arrays. */
    public FakeTlsHello {
        clientRandom = clientRandom.clone();
        sessionId = sessionId.clone();
    }

    @Override
    public byte[] clientRandom() {
        return clientRandom.clone();
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** @return the client random in hex, a key for replay caches */
    public String clientRandomHex() {
        return HexFormat.of().formatHex(clientRandom);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakeTlsHello h && Arrays.equals(h.clientRandom, clientRandom);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(clientRandom);
    }

    @Override
    public String toString() {
        return "FakeTlsHello[" + serverName + ", time " + unixTime + "]";
    }
}
