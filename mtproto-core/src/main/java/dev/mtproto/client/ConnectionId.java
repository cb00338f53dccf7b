package dev.mtproto.client;

import java.util.Locale;
import java.util.Objects;

/**
 * Names one of a client's connections: the DC, what the connection is for, and which of the connections of
 * that DC and role it is (file transfers spread parts over a few upload or download lanes, each its own
 * MTProto session over the DC's key).
 *
 * @param dcId the DC id (without the test-mode offset)
 * @param role what the connection is for
 * @param lane which connection of this DC and role, from 0
 */
public record ConnectionId(int dcId, DcRole role, int lane) {
    /** The most lanes one DC and role may have. */
    public static final int MAX_LANES = 16;

    /** @throws IllegalArgumentException if the DC id is not positive or the lane outside 0..{@link #MAX_LANES}-1 */
    public ConnectionId {
        if (dcId <= 0) {
            throw new IllegalArgumentException("DC id must be positive, got " + dcId);
        }
        Objects.requireNonNull(role, "role");
        if (lane < 0 || lane >= MAX_LANES) {
            throw new IllegalArgumentException("lane must be in 0.." + (MAX_LANES - 1) + ", got " + lane);
        }
    }

    /**
     * The first (often the only) connection of a DC and role.
     *
     * @param dcId the DC id
     * @param role what the connection is for
     */
    public ConnectionId(int dcId, DcRole role) {
        this(dcId, role, 0);
    }

    /**
     * @param dcId a DC id
     * @return the main connection to that DC
     */
    public static ConnectionId main(int dcId) {
        return new ConnectionId(dcId, DcRole.MAIN);
    }

    /**
     * @param otherDc another DC
     * @return the connection of the same role and lane to that DC
     */
    public ConnectionId atDc(int otherDc) {
        return new ConnectionId(otherDc, role, lane);
    }

    @Override
    public String toString() {
        if (role == DcRole.MAIN && lane == 0) {
            return "DC " + dcId;
        }
        String name = "DC " + dcId + " " + role.name().toLowerCase(Locale.ROOT);
        return lane == 0 ? name : name + " " + lane;
    }
}
