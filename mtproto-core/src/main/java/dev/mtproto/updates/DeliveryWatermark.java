package dev.mtproto.updates;

import dev.mtproto.store.UpdateState;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the stored update state from getting ahead of what the handlers have finished: every delivery takes
 * a number in the order the box decided it; state changes are recorded against the last number given out;
 * once every delivery up to a number has been handled, the state recorded against it may be stored. Handlers
 * finish out of order (chats run concurrently), so finished numbers past the first unfinished one are kept
 * in a window the size of the queue (grown if a difference delivers more at once). Thread-safe.
 */
final class DeliveryWatermark {
    private boolean[] done;
    private int mask;
    private long issued;      // numbers 1..issued were given out
    private long finished;    // every number up to this one is finished
    private final ArrayDeque<Checkpoint> checkpoints = new ArrayDeque<>();
    private UpdateState safeState;
    private final Map<Long, Integer> safeChannels = new HashMap<>();
    private final java.util.List<Waiter> waiters = new java.util.ArrayList<>();

    private record Waiter(long upTo, Runnable then) {
    }

    private record Checkpoint(long upTo, UpdateState state, Map<Long, Integer> channels) {
    }

    /** @param window at least the most deliveries that can be unfinished at once */
    DeliveryWatermark(int window) {
        int size = Integer.highestOneBit(Math.max(2, window) * 2 - 1) << 1;
        this.done = new boolean[size];
        this.mask = size - 1;
    }

    /** @return the number of a new delivery (the window doubles if a huge difference overfills it) */
    synchronized long issue() {
        if (issued - finished >= done.length) {
            boolean[] bigger = new boolean[done.length * 2];
            int biggerMask = bigger.length - 1;
            for (long n = finished + 1; n <= issued; n++) {
                bigger[(int) (n & biggerMask)] = done[(int) (n & mask)];
            }
            done = bigger;
            mask = biggerMask;
        }
        return ++issued;
    }

    /**
     * Records the state as it is after everything issued so far.
     *
     * @param state the common state
     * @param channels the channels whose position changed
     */
    synchronized void record(UpdateState state, Map<Long, Integer> channels) {
        Checkpoint last = checkpoints.peekLast();
        if (last != null && last.upTo() == issued) {
            Map<Long, Integer> merged = new HashMap<>(last.channels());
            merged.putAll(channels);
            checkpoints.pollLast();
            checkpoints.addLast(new Checkpoint(issued, state, merged));
        } else {
            checkpoints.addLast(new Checkpoint(issued, state, channels));
        }
        advance();
    }

    /** @param number a delivery whose handlers have all returned */
    void finished(long number) {
        java.util.List<Runnable> due;
        synchronized (this) {
            done[(int) (number & mask)] = true;
            while (finished < issued && done[(int) ((finished + 1) & mask)]) {
                done[(int) ((finished + 1) & mask)] = false;
                finished++;
            }
            advance();
            due = dueWaiters();
        }
        due.forEach(Runnable::run);
    }

    /**
     * Runs something once every delivery issued so far has been handled (at once, on this thread, if that is
     * already so; else on the thread that finishes the last of them).
     *
     * @param then what to run
     */
    void whenAllFinished(Runnable then) {
        synchronized (this) {
            if (finished < issued) {
                waiters.add(new Waiter(issued, then));
                return;
            }
        }
        then.run();
    }

    private java.util.List<Runnable> dueWaiters() {
        if (waiters.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<Runnable> due = new java.util.ArrayList<>();
        waiters.removeIf(w -> {
            if (w.upTo() <= finished) {
                due.add(w.then());
                return true;
            }
            return false;
        });
        return due;
    }

    private void advance() {
        while (!checkpoints.isEmpty() && checkpoints.peekFirst().upTo() <= finished) {
            Checkpoint c = checkpoints.pollFirst();
            safeState = c.state();
            safeChannels.putAll(c.channels());
        }
    }

    /** @return the newest state that no unfinished delivery is ahead of, or null if none is new */
    synchronized UpdateState takeSafeState() {
        UpdateState s = safeState;
        safeState = null;
        return s;
    }

    /** @return the channel positions that became safe since the last call */
    synchronized Map<Long, Integer> takeSafeChannels() {
        if (safeChannels.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> m = Map.copyOf(safeChannels);
        safeChannels.clear();
        return m;
    }

    /**
     * Gives back what a failed write took, unless something newer became safe meanwhile.
     *
     * @param state the state taken (may be null)
     * @param channels the channel positions taken
     */
    synchronized void putBack(UpdateState state, Map<Long, Integer> channels) {
        if (safeState == null) {
            safeState = state;
        }
        channels.forEach(safeChannels::putIfAbsent);
    }

    /** @return how many deliveries are unfinished */
    synchronized long unfinished() {
        return issued - finished;
    }
}
