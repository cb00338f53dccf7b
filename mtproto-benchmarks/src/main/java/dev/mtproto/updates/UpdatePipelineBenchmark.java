package dev.mtproto.updates;

import dev.mtproto.store.UpdateState;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The update engine's pipeline in one process, no socket: decrypted {@code Updates} bytes decoded, checked
 * against their sequence by the message box, numbered by the watermark and handed to handlers through the
 * ordered dispatcher, 50 chats, order per chat verified by the handler. One operation is one update.
 * (In the engine's own package to reach its package-private parts; the public engine wraps exactly these.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpdatePipelineBenchmark {
    private static final int BATCH = 20_000;
    private static final int CHATS = 50;

    /** {@code shortMessage}: private chats on the common box; {@code channel}: 50 channels, each its own pts. */
    @Param({"shortMessage", "channel"})
    public String form;

    /** Handler threads (the engine's workers). */
    @Param({"2"})
    public int workers;

    private byte[][] frames;
    private ForkJoinPool pool;
    private Map<Long, Integer> channelStart;

    @Setup(Level.Trial)
    public void encode() {
        pool = new ForkJoinPool(workers);
        frames = new byte[BATCH][];
        channelStart = new HashMap<>();
        int[] channelPts = new int[CHATS];
        for (int c = 0; c < CHATS; c++) {
            channelStart.put(1000L + c, 0);
        }
        for (int i = 0; i < BATCH; i++) {
            int chat = i % CHATS;
            UpdatesType u;
            if (form.equals("shortMessage")) {
                u = UpdateShortMessage.builder().id(i + 1).userId(100 + chat).message("message number " + i)
                        .pts(i + 1).ptsCount(1).date(1_700_000_000 + i).build();
            } else {
                int pts = ++channelPts[chat];
                MessageType m = Message.builder().id(pts).peerId(new PeerChannel(1000 + chat)).date(1_700_000_000 + i)
                        .message("message number " + i).build();
                u = new Updates(List.of(new UpdateNewChannelMessage(m, pts, 1)), List.of(), List.of(), 1_700_000_000 + i, 0);
            }
            TlWriter w = new TlWriter();
            u.write(w);
            frames[i] = w.toByteArray();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        pool.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int pipeline() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        AtomicInteger outOfOrder = new AtomicInteger();
        int[] lastId = new int[CHATS];
        Deliveries deliveries = new Deliveries(pool, workers, BATCH * 2, BATCH * 2, e -> { });
        deliveries.addHandler(in -> {
            MessageType m = in.update() instanceof dev.mtproto.tl.api.UpdateNewMessage n ? n.message()
                    : ((UpdateNewChannelMessage) in.update()).message();
            long key = in.chatKey();
            int chat = key > 0 ? (int) (key - 100) : (int) (-key - dev.mtproto.peers.MarkedIds.CHANNEL_MARK - 1000);
            if (m.id() <= lastId[chat]) {
                outOfOrder.incrementAndGet();
            }
            lastId[chat] = m.id();
            done.countDown();
        });
        BoxOutput out = new BoxOutput() {
            @Override
            public void deliver(dev.mtproto.tl.api.Update update, List<dev.mtproto.tl.api.UserType> users,
                    List<dev.mtproto.tl.api.ChatType> chats, UpdateOrigin origin, long channelId) {
                deliveries.deliver(update, users, chats, origin, channelId);
            }

            @Override
            public void fetchCommon() {
                throw new IllegalStateException("no gap in this input");
            }

            @Override
            public void fetchChannel(long channelId, int pts) {
                throw new IllegalStateException("no gap in this input");
            }

            @Override
            public void fetchState() {
                throw new IllegalStateException("the state is given");
            }

            @Override
            public void event(UpdateEngineEvent event) {
            }
        };
        MessageBox box = new MessageBox(out, new UpdateState(0, 0, 0, 0), channelStart, 500_000_000L, id -> true);
        box.selfId(1);
        for (byte[] frame : frames) {
            UpdatesType u = UpdatesType.read(new TlReader(frame));
            synchronized (box) {
                box.process(u, UpdateOrigin.PUSHED, null, 0);
                deliveries.watermark().record(box.state(), box.takeChangedChannels());
            }
        }
        if (!done.await(60, TimeUnit.SECONDS) || outOfOrder.get() != 0) {
            throw new IllegalStateException("delivered " + (BATCH - done.getCount()) + ", out of order " + outOfOrder.get());
        }
        return outOfOrder.get();
    }
}
