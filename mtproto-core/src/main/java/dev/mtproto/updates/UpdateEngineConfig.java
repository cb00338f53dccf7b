package dev.mtproto.updates;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * How an {@link UpdateEngine} works. Build with {@link #builder()}; every setter checks its argument at once.
 *
 * @param workers how many chats are handled at once (default: the number of processors, at least 2)
 * @param queueCapacity how many updates may wait for the handlers (default 10,000): past it, pushed updates with
 *     a place in a sequence are fetched again later instead of queued, and when updates without one also fill
 *     a reserve of a quarter more, the connection stops reading until there is room
 * @param catchUp what to do with a stored state at start (default {@link CatchUp#FROM_STORED_STATE})
 * @param idleTimeout after how long without any update the difference is fetched anyway (default 15 min, as
 *     https://core.telegram.org/api/updates recommends)
 * @param gapHold how long an update that came too early waits for those before it (default 0.5 s)
 * @param saveInterval how often the delivered state is written to the session store (default 1 s; and at stop)
 * @param executor where handlers run (null: the client's callback pool)
 * @param clock nanosecond time source (tests inject one)
 */
public record UpdateEngineConfig(int workers, int queueCapacity, CatchUp catchUp, Duration idleTimeout, Duration gapHold,
        Duration saveInterval, Executor executor, LongSupplier clock) {

    /** @throws IllegalArgumentException if a value is out of range */
    public UpdateEngineConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (queueCapacity < 16) {
            throw new IllegalArgumentException("queueCapacity must be at least 16, got " + queueCapacity);
        }
        Objects.requireNonNull(catchUp, "catchUp");
        positive("idleTimeout", idleTimeout);
        positive("gapHold", gapHold);
        positive("saveInterval", saveInterval);
        Objects.requireNonNull(clock, "clock");
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static UpdateEngineConfig defaults() {
        return builder().build();
    }

    /** Builds an {@link UpdateEngineConfig}. */
    public static final class Builder {
        private int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int queueCapacity = 10_000;
        private CatchUp catchUp = CatchUp.FROM_STORED_STATE;
        private Duration idleTimeout = Duration.ofMinutes(15);
        private Duration gapHold = Duration.ofMillis(500);
        private Duration saveInterval = Duration.ofSeconds(1);
        private Executor executor;
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /** @param value chats handled at once, at least 1 @return this builder */
        public Builder workers(int value) {
            this.workers = value;
            return this;
        }

        /** @param value updates that may wait, at least 16 @return this builder */
        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        /** @param value catch up or skip at start @return this builder */
        public Builder catchUp(CatchUp value) {
            this.catchUp = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param value time without updates after which the difference is fetched @return this builder */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value;
            return this;
        }

        /** @param value how long an early update waits for those before it @return this builder */
        public Builder gapHold(Duration value) {
            this.gapHold = value;
            return this;
        }

        /** @param value how often the delivered state is stored @return this builder */
        public Builder saveInterval(Duration value) {
            this.saveInterval = value;
            return this;
        }

        /** @param value where handlers run @return this builder */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param value a nanosecond clock @return this builder */
        public Builder clock(LongSupplier value) {
            this.clock = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException if a value is out of range
         */
        public UpdateEngineConfig build() {
            return new UpdateEngineConfig(workers, queueCapacity, catchUp, idleTimeout, gapHold, saveInterval, executor, clock);
        }
    }
}
