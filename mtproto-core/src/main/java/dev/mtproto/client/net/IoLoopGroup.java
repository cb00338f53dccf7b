package dev.mtproto.client.net;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of {@link IoLoop}s that connections are spread over, round robin. One group serves every
 * client of a JVM by default ({@link #shared()}), so the number of I/O threads does not grow with the
 * number of clients or connections.
 */
public final class IoLoopGroup implements AutoCloseable {
    private static final class Shared {
        static final IoLoopGroup INSTANCE = new IoLoopGroup(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), "mtproto-io");
    }

    private final IoLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param size how many loops (threads)
     * @param namePrefix thread name prefix
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public IoLoopGroup(int size, String namePrefix) {
        if (size <= 0) {
            throw new IllegalArgumentException("an I/O loop group needs at least one loop, got " + size);
        }
        loops = new IoLoop[size];
        for (int i = 0; i < size; i++) {
            loops[i] = new IoLoop(namePrefix + "-" + i);
        }
    }

    /** @return the JVM-wide group: one loop per core, at most four; its threads start on first use */
    public static IoLoopGroup shared() {
        return Shared.INSTANCE;
    }

    /** @return how many loops the group has */
    public int size() {
        return loops.length;
    }

    /** @return the loop the next connection goes to */
    public IoLoop next() {
        return loops[Math.floorMod(next.getAndIncrement(), loops.length)];
    }

    /** Stops every loop and closes their channels. The shared group cannot be closed. */
    @Override
    public void close() {
        if (this == Shared.INSTANCE) {
            throw new UnsupportedOperationException("the shared I/O loop group lives as long as the JVM");
        }
        for (IoLoop loop : loops) {
            loop.close();
        }
    }
}
