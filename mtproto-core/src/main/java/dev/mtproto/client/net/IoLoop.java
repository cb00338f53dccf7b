package dev.mtproto.client.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One I/O thread with its own {@link Selector}: it serves many non-blocking channels, reading and writing
 * as they become ready, and runs tasks handed to it with {@link #execute}. Nothing the loop runs may block.
 *
 * <p>A handler that throws anything (even an {@link Error} such as a stack overflow) is told through
 * {@link IoHandler#failed}, and the loop goes on serving the others: no connection's failure ends it.
 * The thread is a daemon started on first use.
 */
public final class IoLoop implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    private static final int TASKS_PER_ROUND = 1024;

    /** What a registered channel's owner does when the channel is ready. Called on the loop thread only. */
    public interface IoHandler {
        /**
         * The channel is ready for the operations in {@code key.readyOps()}.
         *
         * @param key the channel's key
         * @throws IOException if reading or writing failed; the handler's {@link #failed} is called next
         */
        void ready(SelectionKey key) throws IOException;

        /**
         * {@link #ready} threw, or the channel could not be registered. The handler closes its channel.
         *
         * @param error what was thrown
         */
        void failed(Throwable error);
    }

    private final String name;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final byte[] readBuffer = new byte[READ_BUFFER_SIZE];
    private final Object startLock = new Object();
    private volatile boolean selecting;
    private volatile boolean closed;
    private Selector selector;
    private Thread thread;

    IoLoop(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** @return the loop thread's name */
    public String name() {
        return name;
    }

    /** @return whether the calling thread is the thread of some I/O loop (where user code must never run) */
    public static boolean onLoopThread() {
        return Thread.currentThread() instanceof LoopThread;
    }

    /** @return whether the calling thread is this loop's thread */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * A buffer the loop's handlers read into; valid only on the loop thread, until the handler returns.
     *
     * @return the loop's read buffer
     */
    public byte[] readBuffer() {
        return readBuffer;
    }

    /**
     * Runs a task on the loop thread, after what the loop is doing now. Cheap from any thread: the selector
     * is woken only when the loop is waiting in it and no wake-up is pending already.
     *
     * @param task the task; it must not block
     * @throws RejectedExecutionException if the loop was closed
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw new RejectedExecutionException("I/O loop " + name + " is closed");
        }
        start();
        tasks.add(task);
        if (selecting && !inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Registers a channel; call on the loop thread (from a task given to {@link #execute}).
     *
     * @param channel a non-blocking channel
     * @param ops the operations to wait for
     * @param handler who handles readiness
     * @return the key
     * @throws ClosedChannelException if the channel is closed
     * @throws IllegalStateException if not called on the loop thread
     */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        if (!inLoop()) {
            throw new IllegalStateException("register on the loop thread");
        }
        return channel.register(selector, ops, handler);
    }

    private void start() {
        synchronized (startLock) {
            if (thread != null) {
                return;
            }
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector for " + name, e);
            }
            thread = new LoopThread(this::run, name);
            thread.start();
        }
    }

    private void run() {
        while (!closed) {
            try {
                selecting = true;
                if (tasks.isEmpty()) {
                    selector.select();
                } else {
                    selector.selectNow();
                }
                selecting = false;
                wakeupPending.set(false);
                handleReadyKeys();
                runTasks();
            } catch (IOException | RuntimeException e) {
                LOG.error("I/O loop {}: the selector failed; going on", name, e);
            }
        }
        closeAll();
    }

    private void handleReadyKeys() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            IoHandler handler = (IoHandler) key.attachment();
            try {
                if (key.isValid()) {
                    handler.ready(key);
                }
            } catch (Throwable t) {
                fail(handler, t);
            }
        }
    }

    private void runTasks() {
        for (int i = 0; i < TASKS_PER_ROUND; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("I/O loop {}: a task failed", name, t);
            }
        }
    }

    private void fail(IoHandler handler, Throwable t) {
        try {
            handler.failed(t);
        } catch (Throwable again) {
            LOG.error("I/O loop {}: a handler failed while handling its own failure", name, again);
        }
    }

    /** Stops the loop; every channel still registered is closed. Tasks not run yet are dropped. */
    void close() {
        closed = true;
        synchronized (startLock) {
            if (selector != null) {
                selector.wakeup();
            }
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            fail((IoHandler) key.attachment(), new ClosedChannelException());
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "IoLoop{" + name + "}";
    }

    /** Marks I/O loop threads, so that code handed user work can tell it must move elsewhere. */
    private static final class LoopThread extends Thread {
        LoopThread(Runnable body, String name) {
            super(body, name);
            setDaemon(true);
        }
    }
}
