package dev.mtproto.client;

import java.util.Objects;

/**
 * Names one of a client's connections: the DC and what the connection is for.
 *
 * @param dcId the DC id (without the test-mode offset)
 * @param role what the connection is for
 */
public record ConnectionId(int dcId, DcRole role) {
    /** @throws IllegalArgumentException if the DC id is not positive */
    public ConnectionId {
        if (dcId <= 0) {
            throw new IllegalArgumentException("DC id must be positive, got " + dcId);
        }
        Objects.requireNonNull(role, "role");
    }

    /**
     * @param dcId a DC id
     * @return the main connection to that DC
     */
    public static ConnectionId main(int dcId) {
        return new ConnectionId(dcId, DcRole.MAIN);
    }

    @Override
    public String toString() {
        return role == DcRole.MAIN ? "DC " + dcId : "DC " + dcId + " " + role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
