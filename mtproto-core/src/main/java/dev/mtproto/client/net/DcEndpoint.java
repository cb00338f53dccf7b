package dev.mtproto.client.net;

import java.util.Objects;

/**
 * One address a connection to a DC is opened to, as the {@link Dialer} sees it.
 *
 * @param dcId the DC's id (1..5 on Telegram), without the test-mode offset
 * @param host host name or IP literal (IPv6 without brackets)
 * @param port TCP port
 * @param media whether this is a media-only address (the obfuscated header then names the DC negated)
 */
public record DcEndpoint(int dcId, String host, int port, boolean media) {
    /**
     * @throws IllegalArgumentException if the id is not positive, the host is blank or the port is outside 1..65535
     */
    public DcEndpoint {
        check(dcId, host, port);
    }

    /**
     * The checks every DC address passes (here and in the client's DC options).
     *
     * @param dcId a DC id
     * @param host a host
     * @param port a port
     * @throws IllegalArgumentException if the id is not positive, the host is blank or the port is outside 1..65535
     * @throws NullPointerException if the host is null
     */
    public static void check(int dcId, String host, int port) {
        if (dcId <= 0) {
            throw new IllegalArgumentException("DC id must be positive, got " + dcId);
        }
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("DC " + dcId + ": empty host");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("DC " + dcId + ": port " + port + " is outside 1..65535");
        }
    }

    /** @return {@code host:port}, with IPv6 literals in brackets */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "DC " + dcId + (media ? " (media)" : "") + " at " + hostAndPort();
    }
}
