package dev.mtproto.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses of the data centers a client may connect to: several per DC (IPv4 and IPv6, general and
 * media-only, CDN). {@link #production()} and {@link #test()} are Telegram's published bootstrap addresses;
 * a client replaces its options at run time ({@link MtprotoClient#updateDcOptions}) with what
 * {@code help.getConfig} lists. Immutable.
 */
public final class DcOptions {
    private final List<DcAddress> addresses;

    private DcOptions(List<DcAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /**
     * @param addresses the addresses, in order of preference within each DC
     * @return the options
     * @throws IllegalArgumentException if none is given
     */
    public static DcOptions of(DcAddress... addresses) {
        return of(List.of(addresses));
    }

    /**
     * @param addresses the addresses, in order of preference within each DC
     * @return the options
     * @throws IllegalArgumentException if none is given or the same address is listed twice
     */
    public static DcOptions of(List<DcAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one DC address is needed");
        }
        if (Set.copyOf(addresses).size() != addresses.size()) {
            throw new IllegalArgumentException("a DC address is listed twice: " + addresses);
        }
        return new DcOptions(addresses);
    }

    /** @return Telegram's production DCs 1 to 5 (port 443) */
    public static DcOptions production() {
        return of(new DcAddress(1, "149.154.175.53", 443), new DcAddress(2, "149.154.167.51", 443),
                new DcAddress(3, "149.154.175.100", 443), new DcAddress(4, "149.154.167.91", 443),
                new DcAddress(5, "91.108.56.130", 443));
    }

    /** @return Telegram's test DCs 1 to 3 (port 443) */
    public static DcOptions test() {
        return of(new DcAddress(1, "149.154.175.10", 443), new DcAddress(2, "149.154.167.40", 443),
                new DcAddress(3, "149.154.175.117", 443));
    }

    /**
     * @param dcId a DC id
     * @return whether some address of that DC is known
     */
    public boolean knows(int dcId) {
        return addresses.stream().anyMatch(a -> a.id() == dcId);
    }

    /** @return the ids of the DCs known, ascending */
    public Set<Integer> dcIds() {
        Set<Integer> ids = new TreeSet<>();
        addresses.forEach(a -> ids.add(a.id()));
        return ids;
    }

    /**
     * The addresses to try for a connection, best first. Media-only addresses serve downloads and uploads
     * only (downloads prefer them); CDN addresses serve CDN connections only; IPv6 addresses are used only
     * when allowed, after the IPv4 ones unless preferred.
     *
     * @param dcId the DC
     * @param role what the connection is for
     * @param ipv6 whether IPv6 addresses may be used
     * @return the candidates; empty when the options have none for that DC and role
     */
    public List<DcAddress> candidates(int dcId, DcRole role, boolean ipv6) {
        return candidates(dcId, role, ipv6 ? IpFamily.PREFER_IPV4 : IpFamily.IPV4_ONLY);
    }

    /**
     * The addresses to try for a connection, best first, as {@link #candidates(int, DcRole, boolean)} but with
     * IPv6 addresses first when the family says so.
     *
     * @param dcId the DC
     * @param role what the connection is for
     * @param family which addresses may be used, and which go first
     * @return the candidates; empty when the options have none for that DC and role
     */
    public List<DcAddress> candidates(int dcId, DcRole role, IpFamily family) {
        boolean ipv6 = family.allowsIpv6();
        boolean ipv6First = family == IpFamily.PREFER_IPV6 || family == IpFamily.BOTH;
        List<DcAddress> list = new ArrayList<>();
        for (DcAddress a : addresses) {
            if (a.id() != dcId || (!ipv6 && a.has(DcAddress.Flag.IPV6))) {
                continue;
            }
            boolean cdn = a.has(DcAddress.Flag.CDN);
            boolean media = a.has(DcAddress.Flag.MEDIA_ONLY);
            boolean usable = switch (role) {
                case MAIN -> !cdn && !media;
                case DOWNLOAD, UPLOAD -> !cdn;
                case CDN -> cdn;
            };
            if (usable) {
                list.add(a);
            }
        }
        list.sort(Comparator.comparingInt(a -> rank(a, role, ipv6First)));
        return List.copyOf(list);
    }

    private static int rank(DcAddress a, DcRole role, boolean ipv6First) {
        int rank = a.has(DcAddress.Flag.IPV6) != ipv6First ? 2 : 0;
        if (role == DcRole.DOWNLOAD && !a.has(DcAddress.Flag.MEDIA_ONLY)) {
            rank += 1;
        }
        return rank;
    }

    /**
     * @param dcId a DC id
     * @return its first general-purpose IPv4 address
     * @throws IllegalArgumentException if the options have none, naming the DCs they do know
     */
    public DcAddress address(int dcId) {
        List<DcAddress> list = candidates(dcId, DcRole.MAIN, false);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no address for DC " + dcId + " (known: " + dcIds() + ")");
        }
        return list.get(0);
    }

    /** @return every address, in the order given */
    public List<DcAddress> all() {
        return addresses;
    }

    @Override
    public String toString() {
        return "DcOptions" + addresses;
    }
}
