package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.api.UpdatesType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the updates the world makes to the keys of each account, in the order the world made them, on
 * one thread of its own: never on the thread of the call that caused them, which holds its session's lock
 * (two calls pushing to each other's sessions would otherwise deadlock). Each push goes through the
 * account's {@link PushFaults} first. What is ready is sent in batches, several updates to a session under
 * one lock and one write, so the push path keeps up with a client reading tens of thousands of updates a
 * second. Thread-safe.
 */
public final class PushDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);
    private static final int BATCH = 512;

    private sealed interface Task {
    }

    private record Push(Outgoing outgoing) implements Task {
    }

    private record Release(long userId) implements Task {
    }

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Map<Long, PushFaults> faults = new ConcurrentHashMap<>();
    private final PushTargets targets;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean closed;

    /** @param targets finds the keys of an account */
    public PushDispatcher(PushTargets targets) {
        this.targets = targets;
    }

    /**
     * @param userId an account
     * @return the faults of the updates pushed to it
     */
    public PushFaults faults(long userId) {
        return faults.computeIfAbsent(userId, id -> new PushFaults(() -> enqueue(new Release(id))));
    }

    /** Clears every account's faults (sending what they held). */
    public void clearFaults() {
        faults.values().forEach(PushFaults::clear);
    }

    /**
     * Queues updates for every key of an account.
     *
     * @param userId the account
     * @param updates the updates, in the form this account gets them
     * @param exceptPermKeyId a key that must not get them (the key whose call made them, which has them as its
     *     result), 0 for none
     */
    public void push(long userId, UpdatesType updates, long exceptPermKeyId) {
        enqueue(new Push(new Outgoing(userId, updates, exceptPermKeyId)));
    }

    private void enqueue(Task task) {
        if (closed) {
            return;
        }
        submitted.incrementAndGet();
        queue.add(task);
        if (thread == null) {
            start();
        }
    }

    private synchronized void start() {
        if (thread == null && !closed) {
            Thread t = new Thread(this::run, "testkit-world-pushes");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    /**
     * Waits until every push queued so far has been handed to the DCs' sessions (or dropped, or held, as the
     * faults say).
     *
     * @param timeout how long at most
     * @return whether it got there in time
     * @throws InterruptedException if interrupted
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long target = submitted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** @return how many updates were handed to sessions since the world started (each key's copy counts) */
    public long sentCount() {
        return sent.get();
    }

    private void run() {
        List<Task> tasks = new ArrayList<>(BATCH);
        while (!closed) {
            try {
                Task first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                tasks.add(first);
                queue.drainTo(tasks, BATCH - 1);
                Map<PushTarget, List<TlObject>> batch = new LinkedHashMap<>();
                Map<Long, List<PushTarget>> keys = new HashMap<>();
                for (Task t : tasks) {
                    collect(t, batch, keys);
                }
                batch.forEach((target, updates) -> {
                    target.dc().pushAllTo(target.authKeyId(), updates);
                    sent.addAndGet(updates.size());
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("pushing updates failed", e);
            } finally {
                done.addAndGet(tasks.size());
                tasks.clear();
            }
        }
    }

    private void collect(Task task, Map<PushTarget, List<TlObject>> batch, Map<Long, List<PushTarget>> keyCache) {
        List<Outgoing> out = task instanceof Push p ? faults(p.outgoing().userId()).apply(p.outgoing())
                : faults(((Release) task).userId()).takeReleased();
        if (out.isEmpty()) {
            return;
        }
        List<PushTarget> keys = keyCache.computeIfAbsent(out.get(0).userId(), targets::of);
        for (Outgoing o : out) {
            for (PushTarget target : keys) {
                if (target.permKeyId() != o.exceptPermKeyId()) {
                    batch.computeIfAbsent(target, k -> new ArrayList<>()).add(o.updates());
                }
            }
        }
    }

    /** Stops the thread; what is queued is not sent. */
    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
