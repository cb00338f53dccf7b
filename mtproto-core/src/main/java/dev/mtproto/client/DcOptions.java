package dev.mtproto.client;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data centers a client may connect to, by id. {@link #production()} and {@link #test()} are
 * Telegram's published IPv4 addresses; the client replaces them with what {@code help.getConfig} says once
 * connected, in a later step.
 */
public final class DcOptions {
    private final Map<Integer, DcAddress> byId;

    private DcOptions(Map<Integer, DcAddress> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * @param addresses the addresses; one per DC id
     * @return the options
     * @throws IllegalArgumentException if two addresses have the same id, or none is given
     */
    public static DcOptions of(DcAddress... addresses) {
        return of(List.of(addresses));
    }

    /**
     * @param addresses the addresses; one per DC id
     * @return the options
     * @throws IllegalArgumentException if two addresses have the same id, or none is given
     */
    public static DcOptions of(List<DcAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one DC address is needed");
        }
        Map<Integer, DcAddress> map = new TreeMap<>();
        for (DcAddress a : addresses) {
            if (map.putIfAbsent(a.id(), a) != null) {
                throw new IllegalArgumentException("DC " + a.id() + " is listed twice");
            }
        }
        return new DcOptions(map);
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
     * @return its address
     * @throws IllegalArgumentException if the options do not know it
     */
    public DcAddress address(int dcId) {
        DcAddress a = byId.get(dcId);
        if (a == null) {
            throw new IllegalArgumentException("no address for DC " + dcId + " (known: " + byId.keySet() + ")");
        }
        return a;
    }

    /** @return every address, by id */
    public List<DcAddress> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public String toString() {
        return "DcOptions" + byId.values();
    }
}
