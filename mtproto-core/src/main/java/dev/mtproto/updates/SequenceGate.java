package dev.mtproto.updates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One sequence's check (https://core.telegram.org/api/updates#update-handling): an update whose
 * {@code pts - pts_count} is the local position is applied; one that is not past the local position was
 * applied already and is ignored; one further on waits, briefly, for the updates before it, and if they do
 * not come the box fetches the difference. While a difference is being fetched every update of the box waits,
 * and is checked again once the difference is in. Not thread-safe: its {@link MessageBox} serialises access.
 */
final class SequenceGate {
    /** What the check decided. */
    enum Verdict { APPLY, ALREADY_APPLIED, HELD }

    private final int heldLimit;
    private int local;
    private boolean known;
    private final List<HeldUpdate> held = new ArrayList<>();
    private long deadline = -1;
    private boolean fetching;
    private long fetchStartedNanos;
    private int positionAtFetch;
    private long lastApplied = Long.MIN_VALUE;
    private long lastPolled = Long.MIN_VALUE;

    /**
     * @param local the position, or a negative value when unknown (the first update then sets it)
     * @param heldLimit how many updates may wait; past it they are dropped and the difference fetched now
     */
    SequenceGate(int local, int heldLimit) {
        this.local = Math.max(local, 0);
        this.known = local >= 0;
        this.heldLimit = heldLimit;
    }

    int position() {
        return local;
    }

    boolean known() {
        return known;
    }

    void moveTo(int position) {
        local = position;
        known = true;
    }

    boolean fetching() {
        return fetching;
    }

    /** @return when the oldest wait ends (nanos), or -1 */
    long deadline() {
        return deadline;
    }

    int heldCount() {
        return held.size();
    }

    /**
     * Checks an update; an applied one moves the position.
     *
     * @param h the update
     * @param now the time (nanos)
     * @param holdNanos how long a gap may wait for what is missing
     * @return the verdict
     */
    Verdict offer(HeldUpdate h, long now, long holdNanos) {
        SequencedUpdate u = h.update();
        if (fetching) {
            hold(h, now, holdNanos);
            return Verdict.HELD;
        }
        if (!known) {
            moveTo(u.pts());
            return Verdict.APPLY;
        }
        int before = u.expectedBefore();
        if (before == local) {
            local = u.pts();
            lastApplied = now;
            return Verdict.APPLY;
        }
        if (before < local) {
            return Verdict.ALREADY_APPLIED;
        }
        hold(h, now, holdNanos);
        return Verdict.HELD;
    }

    private void hold(HeldUpdate h, long now, long holdNanos) {
        if (held.size() >= heldLimit) {
            held.clear(); // the difference brings them all; waiting on more would only grow memory
            deadline = now;
            return;
        }
        held.add(h);
        if (deadline < 0) {
            deadline = now + holdNanos;
        }
    }

    /**
     * Keeps an update that must not be applied as it is (a short message from a user the client has no
     * access hash for) and makes the difference due now, unless it was applied already.
     */
    void holdForFetch(HeldUpdate h, long now) {
        if (known && h.update().expectedBefore() < local) {
            return;
        }
        hold(h, now, 0);
        dueNow(now);
    }

    /** Makes the gap due now (a short update named a user the client does not know). */
    void dueNow(long now) {
        if (!fetching) {
            deadline = now;
        }
    }

    /**
     * @return the next waiting update that is now in order (moving the position), or null; updates found to be
     *     applied already are dropped on the way
     */
    HeldUpdate nextInOrder() {
        if (fetching || held.isEmpty()) {
            return null;
        }
        held.sort(Comparator.comparingInt(h -> h.update().expectedBefore()));
        while (!held.isEmpty()) {
            HeldUpdate first = held.get(0);
            int before = first.update().expectedBefore();
            if (before < local) {
                held.remove(0);
            } else if (before == local) {
                held.remove(0);
                local = first.update().pts();
                if (held.isEmpty()) {
                    deadline = -1;
                }
                return first;
            } else {
                return null;
            }
        }
        deadline = -1;
        return null;
    }

    /**
     * The per-sequence watchdog: a sequence that had updates within {@code activeWindow} but none for
     * {@code idle} (and was not polled for as long) is due for a difference.
     *
     * @return whether it is due now (marked polled)
     */
    boolean idlePoll(long now, long idle, long activeWindow) {
        if (fetching || lastApplied == Long.MIN_VALUE || now - lastApplied < idle || now - lastApplied > activeWindow
                || lastPolled != Long.MIN_VALUE && now - lastPolled < idle) {
            return false;
        }
        lastPolled = now;
        deadline = now;
        return true;
    }

    /** @return whether a wait has ended (the caller then starts fetching) */
    boolean due(long now) {
        return !fetching && deadline >= 0 && now - deadline >= 0;
    }

    void startFetch(long now) {
        fetching = true;
        deadline = -1;
        fetchStartedNanos = now;
        positionAtFetch = local;
    }

    long fetchStartedNanos() {
        return fetchStartedNanos;
    }

    int positionAtFetch() {
        return positionAtFetch;
    }

    /** The difference is in (or failed): waiting updates are checked again; a gap left waits anew. */
    void endFetch(long now, long retryNanos) {
        fetching = false;
        if (!held.isEmpty()) {
            deadline = now + retryNanos;
        }
    }

    /** A failed fetch is tried again after a delay. */
    void retryAt(long when) {
        fetching = false;
        deadline = when;
    }
}
