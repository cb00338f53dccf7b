package dev.mtproto.benchmarks.sidebyside;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Pipelined {@code help.getNearestDc} on one client: batches of {@code inFlight} calls sent at once, each
 * batch awaited whole (as {@code RpcRoundTripBenchmark.pipelined} does), for a warm-up and then for the
 * measured time. Reports calls per second and process CPU per call.
 */
final class PipelinedRate {
    private final int inFlight;

    PipelinedRate(int inFlight) {
        this.inFlight = inFlight;
    }

    ResultLine measure(MtprotoClient client, Duration warmup, Duration measured) {
        batches(client, warmup);
        long cpu0 = ProcessCpu.nanos();
        long t0 = System.nanoTime();
        long calls = batches(client, measured);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = ProcessCpu.nanos() - cpu0;
        return new ResultLine()
                .put("inFlight", inFlight)
                .put("calls", calls)
                .put("seconds", ResultLine.round(seconds, 2))
                .put("callsPerSecond", Math.round(calls / seconds))
                .put("cpuMicrosPerCall", ResultLine.round(cpu / 1e3 / calls, 2));
    }

    private long batches(MtprotoClient client, Duration time) {
        long end = System.nanoTime() + time.toNanos();
        long calls = 0;
        CompletableFuture<?>[] batch = new CompletableFuture<?>[inFlight];
        while (System.nanoTime() - end < 0) {
            for (int i = 0; i < inFlight; i++) {
                batch[i] = client.invoke(GetNearestDc.INSTANCE);
            }
            CompletableFuture.allOf(batch).join();
            calls += inFlight;
        }
        return calls;
    }
}
