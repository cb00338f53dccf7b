package dev.mtproto.client;

import dev.mtproto.client.net.IoLoop;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where user code runs: the configured callback executor, with two guarantees it may not give by itself.
 * A task never runs on an I/O loop (an executor that runs tasks on the calling thread, handed a task by a
 * loop, would do that): such a task moves to a fallback pool. A task the executor rejects (shut down,
 * saturated) runs on the fallback pool too, rather than never.
 */
final class CallbackExecutor implements Executor {
    private static final Executor FALLBACK = ForkJoinPool.commonPool();

    private final Executor configured;

    CallbackExecutor(Executor configured) {
        this.configured = Objects.requireNonNull(configured, "configured");
    }

    @Override
    public void execute(Runnable task) {
        Runnable guarded = () -> {
            if (IoLoop.onLoopThread()) {
                FALLBACK.execute(task);
            } else {
                task.run();
            }
        };
        try {
            configured.execute(guarded);
        } catch (RejectedExecutionException e) {
            FALLBACK.execute(task);
        }
    }
}
