package dev.mtproto.client;

import dev.mtproto.peers.PeerCache;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the client's {@link PeerCache} fed and saved: every update passes it first (so update listeners find
 * the peers of each update cached), and from the first connection on what changed is written to the store
 * every few seconds, and once more when the client closes.
 */
final class PeerUpkeep {
    private static final long FLUSH_SECONDS = 5;

    private final PeerCache cache;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile ScheduledFuture<?> flushing;

    PeerUpkeep(PeerCache cache, UpdateSink updates, ScheduledExecutorService timer) {
        this.cache = cache;
        this.timer = timer;
        updates.add(u -> cache.absorb(u.updates()));
    }

    /** Called on every new connection; the first one starts the periodic flush. */
    void connected() {
        if (started.compareAndSet(false, true)) {
            flushing = timer.scheduleWithFixedDelay(cache::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Stops the periodic flush and writes what is left. */
    void close() {
        ScheduledFuture<?> f = flushing;
        if (f != null) {
            f.cancel(false);
        }
        cache.flush();
    }
}
