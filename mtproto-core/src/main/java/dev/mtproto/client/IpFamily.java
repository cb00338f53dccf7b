package dev.mtproto.client;

/**
 * Which of a DC's addresses a client uses: IPv4 only, or IPv6 ones too ({@code dcOption}s with the
 * {@code ipv6} flag, from the configured DC options or {@code help.getConfig}).
 */
public enum IpFamily {
    /** IPv4 addresses only (the default). */
    IPV4_ONLY,
    /** IPv4 and IPv6 addresses, IPv4 first; each attempt uses one address, the next retry the next one. */
    PREFER_IPV4,
    /** IPv6 and IPv4 addresses, IPv6 first; each attempt uses one address, the next retry the next one. */
    PREFER_IPV6,
    /**
     * Every attempt tries an IPv6 and an IPv4 address, IPv6 first, per route: raced when the route selection
     * races, else one after the other (Happy Eyeballs, RFC 8305).
     */
    BOTH;

    /** @return whether IPv6 addresses are used at all */
    public boolean allowsIpv6() {
        return this != IPV4_ONLY;
    }
}
