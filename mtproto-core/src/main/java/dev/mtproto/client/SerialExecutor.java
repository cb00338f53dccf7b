package dev.mtproto.client;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order given, on a shared pool: no thread of its own. A task that throws
 * is logged and the next one runs.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final String name;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialExecutor(Executor pool, String name) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        do {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("{}: a task failed", name, e);
                }
            }
            scheduled.set(false);
        } while (!tasks.isEmpty() && scheduled.compareAndSet(false, true));
    }

    @Override
    public String toString() {
        return "SerialExecutor{" + name + "}";
    }
}
