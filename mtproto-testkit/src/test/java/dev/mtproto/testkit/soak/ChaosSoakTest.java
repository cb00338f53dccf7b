package dev.mtproto.testkit.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.messages.GetAllStickers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The chaos soak (issue 12, docs/reliability.md "Chaos soak"): the real client calls the real test DC over
 * loopback from many threads while a seeded random arms a fault with some of the calls: connections dropped
 * before and after answering, duplicated, replayed and garbage frames, {@code bad_server_salt},
 * {@code new_session_created}, the DC's clock jumping both ways, DC restarts that keep keys, transport error
 * -429 and answers slower than the deadline. Every call's outcome is checked against the DC's execution
 * record: it completed and ran exactly once, or failed with a typed error ({@link dev.mtproto.session.UnansweredCall})
 * that says whether it may have run, and the record agrees; no future is pending after its deadline; nothing
 * ran twice; the heap used after a GC is about what it was before.
 *
 * <p>The defaults are the short form {@code mvn verify} runs; see {@link SoakSettings} for the long form.
 */
class ChaosSoakTest {
    /** The heap the soak may leave used beyond what it found, after a GC (its own tables are made before). */
    private static final long HEAP_GROWTH_LIMIT = 48L << 20;
    /** The first call's deadline: it waits for the key exchange, slow on a busy machine. */
    private static final Duration KEY_EXCHANGE_DEADLINE = Duration.ofSeconds(30);

    @Test
    void everyCallCompletesOnceOrFailsSayingWhetherItMayHaveRun() throws Exception {
        SoakSettings settings = SoakSettings.fromSystemProperties();
        CallOutcomes outcomes = new CallOutcomes(settings.calls());
        ExecutionRecord record = new ExecutionRecord(settings.calls());
        try (TestCluster cluster = TestCluster.builder().dcs(1).start()) {
            cluster.handlers().on(GetAllStickers.class, record);
            TestDc dc = cluster.dc(1);
            FaultInjector injector = new FaultInjector(dc, settings.deadline());
            try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().requestTimeout(settings.deadline()).build())) {
                // the key exists and the connection is up; the key exchange may take longer than a call's deadline
                client.invoke(GetNearestDc.INSTANCE, KEY_EXCHANGE_DEADLINE).join();
                long heapBefore = usedHeapAfterGc();
                long started = System.nanoTime();
                runCallers(client, settings, injector, outcomes);
                Duration calling = Duration.ofNanos(System.nanoTime() - started);
                awaitQuiet(dc, client, settings);
                long heapAfter = usedHeapAfterGc();
                CallOutcomes.Verdict verdict = outcomes.check(record);
                SoakReport.print(settings, injector, outcomes, verdict, calling, heapBefore, heapAfter, client, dc);

                assertThat(record.strays()).as("calls the soak never made").isZero();
                assertThat(verdict.twice()).as("calls executed twice").isZero();
                assertThat(verdict.lost()).as("calls answered but never executed").isZero();
                assertThat(verdict.ranThoughNotRun()).as("calls that failed saying they did not run, yet ran").isZero();
                assertThat(verdict.hung()).as("futures pending after their deadline").isZero();
                assertThat(verdict.untyped()).as("failures that do not say whether the call may have run").isZero();
                assertThat(client.pendingCalls()).as("calls the client still holds").isZero();
                assertThat(heapAfter - heapBefore).as("heap growth, bytes").isLessThan(HEAP_GROWTH_LIMIT);
                assertThat(outcomes.count(Outcome.COMPLETED)).as("most calls complete").isGreaterThan(settings.calls() / 2);
            }
        }
    }

    private static void runCallers(MtprotoClient client, SoakSettings settings, FaultInjector injector, CallOutcomes outcomes)
            throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(settings.callers(), r -> {
            Thread t = new Thread(r, "soak-caller");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < settings.callers(); c++) {
                running.add(callers.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < settings.calls()) {
                        call(client, i, settings, injector, outcomes);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(); // each call is bounded by its deadline and the grace, so this ends
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static void call(MtprotoClient client, int i, SoakSettings settings, FaultInjector injector, CallOutcomes outcomes)
            throws InterruptedException {
        SplittableRandom random = new SplittableRandom(settings.seed() + i * 0x9E3779B97F4A7C15L);
        FaultKind fault = random.nextDouble() < settings.faultRate() ? settings.kinds().get(random.nextInt(settings.kinds().size())) : null;
        long id = i + 1L;
        if (fault != null) {
            injector.arm(fault, id, random);
        }
        CompletableFuture<?> future = client.invoke(new GetAllStickers(id), settings.deadline());
        Outcome outcome;
        try {
            future.get(settings.deadline().plus(SoakSettings.GRACE).toMillis(), TimeUnit.MILLISECONDS);
            outcome = Outcome.COMPLETED;
        } catch (ExecutionException e) {
            outcome = CallOutcomes.classify(e.getCause());
            outcomes.recordFailure(e.getCause());
        } catch (TimeoutException e) {
            outcome = Outcome.HUNG;
        }
        outcomes.record(i, fault, outcome);
    }

    /** Waits for calls a delay fault holds to run and for the client to settle, so the record is final. */
    private static void awaitQuiet(TestDc dc, MtprotoClient client, SoakSettings settings) throws InterruptedException {
        long until = System.nanoTime() + settings.deadline().multipliedBy(2).plus(SoakSettings.GRACE).toNanos();
        while ((dc.inspection().delayedCalls() > 0 || client.pendingCalls() > 0) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
