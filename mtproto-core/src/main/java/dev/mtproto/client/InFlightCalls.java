package dev.mtproto.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls in progress, so a graceful stop can wait for them to finish. */
final class InFlightCalls {
    private static final long POLL_MILLIS = 20;

    private final AtomicInteger count = new AtomicInteger();

    /** @param call a call just started; counted until it completes */
    <R> CompletableFuture<R> track(CompletableFuture<R> call) {
        count.incrementAndGet();
        call.whenComplete((r, e) -> count.decrementAndGet());
        return call;
    }

    int count() {
        return count.get();
    }

    /**
     * @param grace the longest wait
     * @param timer where the checks run (only the checks: completion continues on whatever thread completes it)
     * @return a future completed once no call is in progress or the grace has passed
     */
    CompletableFuture<Void> drained(Duration grace, ScheduledExecutorService timer) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + grace.toNanos();
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (count.get() == 0 || System.nanoTime() - deadline >= 0) {
                    done.complete(null);
                } else {
                    timer.schedule(this, POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        };
        check.run();
        return done;
    }
}
