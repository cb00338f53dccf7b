package dev.mtproto.updates;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The channels' sequences of a {@link MessageBox}: a {@link SequenceGate} per channel, created on its first
 * update (at most {@link #LIMIT}, so a stream of made-up channels cannot grow memory), and the record of
 * which positions moved since the state was last taken for storing. Not thread-safe, like its box.
 */
final class ChannelGates {
    static final int LIMIT = 100_000;

    private final Map<Long, SequenceGate> gates = new HashMap<>();
    private final Map<Long, Integer> changed = new HashMap<>();

    /** @param stored the stored positions */
    ChannelGates(Map<Long, Integer> stored) {
        stored.forEach((id, pts) -> gates.put(id, new SequenceGate(pts, MessageBox.HELD_LIMIT)));
    }

    SequenceGate get(long channelId) {
        return gates.get(channelId);
    }

    /** @return the channel's gate, made with the position given (negative: unknown) if new; null past the limit */
    SequenceGate getOrCreate(long channelId, int pts) {
        SequenceGate g = gates.get(channelId);
        if (g != null || gates.size() >= LIMIT) {
            return g;
        }
        g = new SequenceGate(pts, MessageBox.HELD_LIMIT);
        gates.put(channelId, g);
        return g;
    }

    void moved(long channelId, int pts) {
        changed.put(channelId, pts);
    }

    /** @return the channels whose position moved since the last call; clears the record */
    Map<Long, Integer> takeChanged() {
        if (changed.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> copy = Map.copyOf(changed);
        changed.clear();
        return copy;
    }

    Map<Long, Integer> positions() {
        Map<Long, Integer> m = new HashMap<>();
        gates.forEach((id, g) -> m.put(id, g.position()));
        return m;
    }

    void forget(long channelId) {
        gates.remove(channelId);
        changed.remove(channelId);
    }

    void forEach(BiConsumer<Long, SequenceGate> action) {
        gates.forEach(action);
    }

    /** @return the earliest wait's end among the channels, or -1 */
    long earliestDeadline() {
        long d = -1;
        for (SequenceGate g : gates.values()) {
            d = earliest(d, g.deadline());
        }
        return d;
    }

    /** @return the earlier of two deadlines, where -1 means none */
    static long earliest(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
