package dev.mtproto.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one body on several threads that start together, and fails with the first failure of any. */
final class Concurrently {
    private Concurrently() {
    }

    /** The work of one thread. */
    @FunctionalInterface
    interface Body {
        /**
         * @param thread the thread's number, 0 to threads - 1
         * @throws Exception to fail the test
         */
        void run(int thread) throws Exception;
    }

    /**
     * Runs {@code body} on {@code threads} threads at once and waits for all of them (two minutes at most).
     *
     * @param threads how many
     * @param body what each does
     * @throws Exception the first failure
     */
    static void run(int threads, Body body) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
