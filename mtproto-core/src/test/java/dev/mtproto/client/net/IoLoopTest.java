package dev.mtproto.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IoLoopTest {

    /** Reads what arrives and completes when it has seen {@code expected} bytes. */
    private static final class Reader implements IoLoop.IoHandler {
        final Pipe.SourceChannel source;
        final IoLoop loop;
        final CompletableFuture<Integer> done = new CompletableFuture<>();
        final int expected;
        int seen;

        Reader(Pipe.SourceChannel source, IoLoop loop, int expected) {
            this.source = source;
            this.loop = loop;
            this.expected = expected;
        }

        @Override
        public void ready(SelectionKey key) throws IOException {
            int n = source.read(ByteBuffer.wrap(loop.readBuffer()));
            seen += Math.max(n, 0);
            if (seen >= expected) {
                done.complete(seen);
            }
        }

        @Override
        public void failed(Throwable error) {
            done.completeExceptionally(error);
        }
    }

    private static Pipe pipe() throws IOException {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        return p;
    }

    @Test
    void aHandlerThatOverflowsItsStackIsToldAndTheLoopServesTheOthers() throws Exception {
        IoLoopGroup group = new IoLoopGroup(1, "test-loop");
        IoLoop loop = group.next();
        Pipe bad = pipe();
        Pipe good = pipe();
        CompletableFuture<Throwable> badFailure = new CompletableFuture<>();
        IoLoop.IoHandler overflowing = new IoLoop.IoHandler() {
            @Override
            public void ready(SelectionKey key) {
                recurse(0);
            }

            private int recurse(int depth) {
                return recurse(depth + 1) + 1; // as a message nested thousands of levels deep would
            }

            @Override
            public void failed(Throwable error) {
                badFailure.complete(error);
                try {
                    bad.source().close();
                } catch (IOException ignored) {
                    // test cleanup
                }
            }
        };
        Reader reader = new Reader(good.source(), loop, 3);
        CountDownLatch registered = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                loop.register(bad.source(), SelectionKey.OP_READ, overflowing);
                loop.register(good.source(), SelectionKey.OP_READ, reader);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            registered.countDown();
        });
        assertThat(registered.await(5, TimeUnit.SECONDS)).isTrue();
        bad.sink().write(ByteBuffer.wrap(new byte[] {1}));
        assertThat(badFailure.get(10, TimeUnit.SECONDS)).isInstanceOf(StackOverflowError.class);
        good.sink().write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(reader.done.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        group.close();
    }

    @Test
    void tasksFromOtherThreadsRunOnTheLoopInOrder() throws Exception {
        IoLoopGroup group = new IoLoopGroup(1, "test-loop");
        IoLoop loop = group.next();
        StringBuilder order = new StringBuilder();
        CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            loop.execute(() -> order.append(n));
        }
        loop.execute(() -> onLoop.complete(IoLoop.onLoopThread() && loop.inLoop()));
        assertThat(onLoop.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).hasToString("01234");
        assertThat(IoLoop.onLoopThread()).isFalse();
        group.close();
    }

    @Test
    void aFailingTaskDoesNotStopTheLoop() throws Exception {
        IoLoopGroup group = new IoLoopGroup(1, "test-loop");
        IoLoop loop = group.next();
        CompletableFuture<String> after = new CompletableFuture<>();
        loop.execute(() -> {
            throw new IllegalStateException("boom");
        });
        loop.execute(() -> after.complete("still running"));
        assertThat(after.get(5, TimeUnit.SECONDS)).isEqualTo("still running");
        group.close();
    }
}
