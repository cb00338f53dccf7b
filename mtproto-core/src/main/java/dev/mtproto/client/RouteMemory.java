package dev.mtproto.client;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which route last opened a connection to each DC, per connection role, so the next connection there tries it
 * first. In memory only: a new client starts from the configured order. Thread-safe.
 */
final class RouteMemory {
    private record Key(int dcId, DcRole role) {
    }

    private final Map<Key, String> lastWorked = new ConcurrentHashMap<>();

    /**
     * @param dcId a DC
     * @param role a connection role
     * @return the name of the route that last worked there, if any
     */
    Optional<String> remembered(int dcId, DcRole role) {
        return Optional.ofNullable(lastWorked.get(new Key(dcId, role)));
    }

    /** Remembers that the route opened a connection to the DC for that role. */
    void worked(int dcId, DcRole role, String route) {
        lastWorked.put(new Key(dcId, role), route);
    }

    /** Forgets the route for the DC and role if it is the one remembered: the configured order applies again. */
    void failed(int dcId, DcRole role, String route) {
        lastWorked.remove(new Key(dcId, role), route);
    }
}
