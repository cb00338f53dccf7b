package dev.mtproto.client;

import dev.mtproto.session.DropReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many incoming messages a client dropped, by reason; thread-safe. */
final class DropCounters {
    private final Map<DropReason, LongAdder> counts = new EnumMap<>(DropReason.class);

    DropCounters() {
        for (DropReason r : DropReason.values()) {
            counts.put(r, new LongAdder());
        }
    }

    void count(DropReason reason) {
        counts.get(reason).increment();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return a snapshot, every reason present (zero where nothing was dropped) */
    Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        counts.forEach((r, n) -> copy.put(r, n.sum()));
        return Collections.unmodifiableMap(copy);
    }
}
