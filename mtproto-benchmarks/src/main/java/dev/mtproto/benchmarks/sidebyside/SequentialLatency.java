package dev.mtproto.benchmarks.sidebyside;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sequential {@code help.getNearestDc} on one client: one caller (this thread) sends a call and waits for
 * its answer before the next, for a warm-up and then for the measured time. Reports the latency
 * percentiles of the measured calls and process CPU per call.
 */
final class SequentialLatency {

    ResultLine measure(MtprotoClient client, Duration warmup, Duration measured) {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() - warmupEnd < 0) {
            client.invoke(GetNearestDc.INSTANCE).join();
        }
        long[] latencies = new long[1 << 16];
        int calls = 0;
        long cpu0 = ProcessCpu.nanos();
        long t = System.nanoTime();
        long end = t + measured.toNanos();
        while (t - end < 0) {
            client.invoke(GetNearestDc.INSTANCE).join();
            long done = System.nanoTime();
            if (calls == latencies.length) {
                latencies = Arrays.copyOf(latencies, calls * 2);
            }
            latencies[calls++] = done - t;
            t = done;
        }
        long cpu = ProcessCpu.nanos() - cpu0;
        long[] sorted = Arrays.copyOf(latencies, calls);
        Arrays.sort(sorted);
        return new ResultLine()
                .put("calls", calls)
                .put("p50Micros", percentile(sorted, 0.5))
                .put("p90Micros", percentile(sorted, 0.9))
                .put("p99Micros", percentile(sorted, 0.99))
                .put("cpuMicrosPerCall", ResultLine.round(cpu / 1e3 / calls, 2));
    }

    /** The same rank rule as mtcute-bench.mjs: the value at floor(q * n), in microseconds. */
    private static double percentile(long[] sorted, double q) {
        int i = Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length));
        return ResultLine.round(sorted[i] / 1e3, 1);
    }
}
