package dev.mtproto.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One chat's deliveries in order, one at a time; different chats at once, up to the worker count. */
@Timeout(30)
class OrderedDispatcherTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    record Item(long chat, int n) {
    }

    @Test
    void eachChatIsInOrderAndNeverRunsTwiceAtOnce() throws InterruptedException {
        int chats = 50;
        int perChat = 2_000;
        Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> inside = new ConcurrentHashMap<>();
        AtomicInteger overlap = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(chats * perChat);
        OrderedDispatcher<Item> d = new OrderedDispatcher<>(pool, 4, item -> {
            if (inside.computeIfAbsent(item.chat(), k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            seen.computeIfAbsent(item.chat(), k -> new ArrayList<>()).add(item.n());
            inside.get(item.chat()).decrementAndGet();
            all.countDown();
        });
        for (int n = 0; n < perChat; n++) {
            for (long c = 0; c < chats; c++) {
                d.submit(c, new Item(c, n));
            }
        }
        assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(overlap).hasValue(0);
        assertThat(seen).hasSize(chats).allSatisfy((chat, ns) -> assertThat(ns).isSorted().hasSize(perChat));
        assertThat(d.queued()).isZero();
    }

    @Test
    void aSlowChatDoesNotHoldUpTheOthers() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fastDone = new CountDownLatch(100);
        OrderedDispatcher<Item> d = new OrderedDispatcher<>(pool, 2, item -> {
            if (item.chat() == 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                fastDone.countDown();
            }
        });
        d.submit(0, new Item(0, 0));
        for (int i = 0; i < 100; i++) {
            d.submit(1 + i % 5, new Item(1 + i % 5, i));
        }
        assertThat(fastDone.await(10, TimeUnit.SECONDS)).as("the other chats ran on the second worker").isTrue();
        release.countDown();
    }

    @Test
    void noMoreThanTheWorkerCountRunAtOnce() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(400);
        OrderedDispatcher<Item> d = new OrderedDispatcher<>(pool, 3, item -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            done.countDown();
        });
        for (int i = 0; i < 400; i++) {
            d.submit(i % 20, new Item(i % 20, i));
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isBetween(1, 3);
    }
}
