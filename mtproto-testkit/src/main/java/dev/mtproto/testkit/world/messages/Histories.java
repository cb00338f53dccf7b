package dev.mtproto.testkit.world.messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The world's own record of the messages each account must receive, in the order the world made them:
 * what a client that delivers every update exactly once, in order, has seen when it has caught up.
 * Thread-safe.
 */
public final class Histories {
    private final Map<Long, List<HistoryEntry>> byAccount = new HashMap<>();

    synchronized void add(long userId, HistoryEntry entry) {
        byAccount.computeIfAbsent(userId, id -> new ArrayList<>()).add(entry);
    }

    /**
     * @param userId an account
     * @return the messages it must have received, in the order the world made them
     */
    public synchronized List<HistoryEntry> of(long userId) {
        return List.copyOf(byAccount.getOrDefault(userId, List.of()));
    }
}
