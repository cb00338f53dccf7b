package dev.mtproto.files;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a transfer's step function on an executor, never twice at once: every {@link #kick()} makes the step
 * run at least once more after it, however many kicks come while it runs. The step does the transfer's
 * blocking work (reading the source, writing the target) and sends the next parts.
 */
final class Pump {
    private final Executor executor;
    private final Runnable step;
    private final AtomicInteger requests = new AtomicInteger();

    Pump(Executor executor, Runnable step) {
        this.executor = executor;
        this.step = step;
    }

    /** Asks for the step to run (now if it does not, or once more after the current run). */
    void kick() {
        if (requests.getAndIncrement() == 0) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drain(); // the transfers are closed: the step only releases what the transfer holds
            }
        }
    }

    private void drain() {
        int missed = 1;
        do {
            step.run();
            missed = requests.addAndGet(-missed);
        } while (missed != 0);
    }
}
