package dev.mtproto.updates;

import dev.mtproto.store.SessionStore;
import dev.mtproto.store.UpdateState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the update state the handlers have reached to the session store, in batches: every interval, off
 * the timer (on the blocking pool), one write at a time, and once more at stop.
 */
final class StateSaver {
    private static final Logger LOG = LoggerFactory.getLogger(StateSaver.class);

    private final SessionStore store;
    private final DeliveryWatermark watermark;
    private final Executor blocking;
    private volatile ScheduledFuture<?> periodic;
    private boolean writing;
    private boolean stopped;

    StateSaver(SessionStore store, DeliveryWatermark watermark, Executor blocking) {
        this.store = store;
        this.watermark = watermark;
        this.blocking = blocking;
    }

    void start(ScheduledExecutorService timer, Duration interval) {
        long ms = interval.toMillis();
        periodic = timer.scheduleWithFixedDelay(() -> blocking.execute(this::saveNow), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic writes and writes what is left, on the calling thread (after a write in progress). */
    void stop() {
        ScheduledFuture<?> p = periodic;
        if (p != null) {
            p.cancel(false);
        }
        write(true);
        synchronized (this) {
            stopped = true; // a periodic write already handed to the pool must not write an older state after this one
        }
    }

    /** Writes the safe state if it moved; skipped when a write is still running (the next one takes it). */
    void saveNow() {
        write(false);
    }

    private void write(boolean waitForRunning) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            while (writing) {
                if (!waitForRunning) {
                    return;
                }
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            writing = true;
        }
        try {
            UpdateState state = watermark.takeSafeState();
            Map<Long, Integer> channels = watermark.takeSafeChannels();
            try {
                if (state != null) {
                    store.saveUpdateState(state);
                }
                if (!channels.isEmpty()) {
                    store.saveChannelPts(channels);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not save the update state in the session store (kept for the next write): {}", e.getMessage());
                watermark.putBack(state, channels);
            }
        } finally {
            synchronized (this) {
                writing = false;
                notifyAll();
            }
        }
    }
}
