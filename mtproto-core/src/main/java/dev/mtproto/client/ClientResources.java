package dev.mtproto.client;

import dev.mtproto.client.net.IoLoopGroup;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads clients run on. By default every client of a JVM shares one set ({@link #shared()}), so that
 * ten thousand clients need no more threads than one:
 * <ul>
 *   <li>{@link #ioLoops()}: non-blocking I/O, one loop per core (at most four) serving every connection;</li>
 *   <li>{@link #callbacks()}: where call results are decoded and futures completed, and so where the
 *       caller's continuations run: a work-stealing pool sized to the cores, which adds threads while
 *       continuations block in {@code join()};</li>
 *   <li>{@link #blocking()}: dialing (DNS, TCP connect, proxy handshakes) and session-store I/O, at most 16
 *       threads, idle ones stopped after a minute;</li>
 *   <li>{@link #timer()}: one thread for deadlines, pings and reconnect delays; it never runs user code.</li>
 * </ul>
 * All threads are daemons and start on first use, not when a client is created.
 */
public final class ClientResources {
    private static final class Shared {
        static final ClientResources INSTANCE = builder().build();
    }

    private final IoLoopGroup ioLoops;
    private final Executor callbacks;
    private final ExecutorService blocking;
    private final ScheduledExecutorService timer;

    private ClientResources(Builder b) {
        this.ioLoops = b.ioLoops != null ? b.ioLoops : IoLoopGroup.shared();
        this.callbacks = b.callbacks != null ? b.callbacks : callbackPool();
        ThreadPoolExecutor blockingPool = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("mtproto-blocking"));
        blockingPool.allowCoreThreadTimeOut(true);
        this.blocking = blockingPool;
        if (b.timer != null) {
            this.timer = b.timer;
        } else {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("mtproto-timer"));
            scheduler.setRemoveOnCancelPolicy(true);
            this.timer = scheduler;
        }
    }

    /** A work-stealing pool in FIFO mode; {@code join()} inside it makes it add a thread instead of stalling. */
    private static ForkJoinPool callbackPool() {
        return new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()), pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("mtproto-callback-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, true);
    }

    /** @return the resources every client uses unless configured otherwise */
    public static ClientResources shared() {
        return Shared.INSTANCE;
    }

    /** @return a builder for resources of one's own (tests, or to keep some clients apart) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the I/O loops */
    public IoLoopGroup ioLoops() {
        return ioLoops;
    }

    /** @return where results are decoded and futures completed */
    public Executor callbacks() {
        return callbacks;
    }

    /** @return where dialing and store I/O run */
    public ExecutorService blocking() {
        return blocking;
    }

    /** @return the timer */
    public ScheduledExecutorService timer() {
        return timer;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    /** Builds {@link ClientResources}; what is not set gets the default described on the class. */
    public static final class Builder {
        private IoLoopGroup ioLoops;
        private Executor callbacks;
        private ScheduledExecutorService timer;

        private Builder() {
        }

        /**
         * @param value the I/O loops (default: {@link IoLoopGroup#shared()})
         * @return this builder
         */
        public Builder ioLoops(IoLoopGroup value) {
            this.ioLoops = Objects.requireNonNull(value, "ioLoops");
            return this;
        }

        /**
         * @param value where futures are completed and continuations run. It must not run tasks on the
         *     calling thread (a task that finds itself on an I/O loop is moved to a pool of the client's own,
         *     so that user code never stalls a connection), and should not be bounded in a way that lets
         *     continuations that block wait for each other.
         * @return this builder
         */
        public Builder callbacks(Executor value) {
            this.callbacks = Objects.requireNonNull(value, "callbacks");
            return this;
        }

        /**
         * @param value the timer (tests may pass one they drive by hand)
         * @return this builder
         */
        public Builder timer(ScheduledExecutorService value) {
            this.timer = Objects.requireNonNull(value, "timer");
            return this;
        }

        /** @return the resources */
        public ClientResources build() {
            return new ClientResources(this);
        }
    }
}
