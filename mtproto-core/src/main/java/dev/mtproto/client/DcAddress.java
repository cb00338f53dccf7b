package dev.mtproto.client;

import java.util.Objects;

/**
 * Where a data center listens.
 *
 * @param id the DC id (1..5 on Telegram)
 * @param host host name or IP address
 * @param port TCP port
 */
public record DcAddress(int id, String host, int port) {
    public DcAddress {
        if (id <= 0) {
            throw new IllegalArgumentException("DC id must be positive, got " + id);
        }
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("DC " + id + " has an empty host");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("DC " + id + " port " + port + " is outside 1..65535");
        }
    }
}
