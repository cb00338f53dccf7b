package dev.mtproto.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.UpdateState;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdatesType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random histories with every fault a network and a server can cause (pushes dropped, duplicated, delayed
 * past later ones, a client restarted from its stored state, fetches answered late and in slices) must give
 * exactly-once, in-order-per-chat delivery, checked against the simulated server's own record of what it sent
 * (https://core.telegram.org/api/updates).
 */
class MessageBoxPropertyTest {
    private static final long HOLD = 500_000_000L;

    @Property(tries = 1000)
    void everyMessageIsDeliveredOnceInOrderPerChat(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int messages,
            @ForAll @IntRange(min = 0, max = 30) int dropPercent, @ForAll @IntRange(min = 0, max = 20) int duplicatePercent,
            @ForAll @IntRange(min = 0, max = 20) int delayPercent, @ForAll @IntRange(min = 0, max = 3) int restarts) {
        Random random = new Random(seed);
        SimulatedServer server = new SimulatedServer(1 + random.nextInt(50), random.nextInt(4));
        int privateChats = 1 + random.nextInt(6);
        Run run = new Run(server, new UpdateState(0, 0, 0, 0), server.channelStart());
        Deque<UpdatesType> delayed = new ArrayDeque<>();
        for (int i = 0; i < messages; i++) {
            UpdatesType push = server.send(random, privateChats);
            int r = random.nextInt(100);
            if (r < dropPercent) {
                // lost on the way: only a later gap or the watchdog reveals it
            } else if (r < dropPercent + duplicatePercent) {
                run.push(push);
                run.push(push);
            } else if (r < dropPercent + duplicatePercent + delayPercent) {
                delayed.add(push);
            } else {
                run.push(push);
            }
            if (!delayed.isEmpty() && random.nextInt(3) == 0) {
                run.push(delayed.poll());
            }
            run.advance(random.nextInt(300) * 1_000_000L);
            if (random.nextInt(4) != 0) {
                run.answerFetches(random.nextInt(3) == 0 ? 1 : Integer.MAX_VALUE);
            }
            if (restarts > 0 && random.nextInt(Math.max(1, messages / restarts)) == 0) {
                run = run.restart();
            }
        }
        delayed.forEach(run::push);
        run.settle();
        assertThat(run.deliveredPerChat()).isEqualTo(server.sentPerChat());
    }

    /** One client life: a box and what it delivered, carried over restarts. */
    private static final class Run {
        final SimulatedServer server;
        final RecordingOutput out;
        final MessageBox box;
        final DifferenceApplier differences;
        final Map<Long, List<Integer>> delivered;
        long now;

        Run(SimulatedServer server, UpdateState state, Map<Long, Integer> channels) {
            this(server, state, channels, new HashMap<>(), 0);
        }

        private Run(SimulatedServer server, UpdateState state, Map<Long, Integer> channels, Map<Long, List<Integer>> delivered, long now) {
            this.server = server;
            this.out = new RecordingOutput();
            this.box = new MessageBox(out, state, channels, HOLD, id -> id % 4 != 0); // some senders unknown: fetched in full
            this.box.selfId(SimulatedServer.SELF);
            this.differences = new DifferenceApplier(box);
            this.delivered = delivered;
            this.now = now;
        }

        /** Stops and starts again from what was delivered (here at once: delivery is synchronous). */
        Run restart() {
            collect();
            Run next = new Run(server, box.state(), box.channelPositions(), delivered, now);
            next.box.start(true, now);
            return next;
        }

        void push(UpdatesType u) {
            box.process(u, UpdateOrigin.PUSHED, null, now);
            collect();
        }

        void advance(long nanos) {
            now += nanos;
            box.tick(now);
        }

        void answerFetches(int atMost) {
            for (int i = 0; i < atMost && !out.fetches.isEmpty(); i++) {
                RecordingOutput.Fetch f = out.fetches.poll();
                if (f.channelId() == -1) {
                    box.stateFetched(server.state(), now);
                } else if (f.channelId() == 0) {
                    if (differences.common(server.difference(box.state().pts()), now)) {
                        out.fetchCommon();
                    }
                } else if (differences.channel(f.channelId(), server.channelDifference(f.channelId(), box.channelGate(f.channelId()).position()), now)) {
                    out.fetchChannel(f.channelId(), box.channelGate(f.channelId()).position());
                }
                collect();
            }
        }

        /** Everything arrived or is lost for good: waits run out, and the idle watchdog fetches the rest. */
        void settle() {
            for (int round = 0; round < 3; round++) {
                advance(2 * HOLD);
                answerFetches(Integer.MAX_VALUE);
                box.commonGate().dueNow(now);
                box.channelPositions().keySet().forEach(id -> box.channelGate(id).dueNow(now));
                box.tick(now);
                answerFetches(Integer.MAX_VALUE);
            }
            assertThat(out.fetches).isEmpty();
        }

        private void collect() {
            for (RecordingOutput.Delivered d : out.delivered) {
                MessageType m = d.update() instanceof UpdateNewMessage n ? n.message()
                        : d.update() instanceof UpdateNewChannelMessage c ? c.message() : null;
                assertThat(m).as("only new messages in this history").isNotNull();
                delivered.computeIfAbsent(ChatKeys.ofMessage(m), k -> new ArrayList<>()).add(((Message) m).id());
            }
            out.delivered.clear();
        }

        Map<Long, List<Integer>> deliveredPerChat() {
            collect();
            return delivered;
        }
    }
}
