package dev.mtproto.benchmarks.rpc;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The pipelined benchmark the RPC benchmarks share (JMH runs it in each subclass, on that subclass's state):
 * {@value #IN_FLIGHT} {@code help.getNearestDc} calls sent at once, then waited for together; the score is
 * round trips per second.
 */
public abstract class PipelinedRoundTrips {
    /** How many calls one invocation keeps in flight. */
    static final int IN_FLIGHT = 256;

    /** @return the connected client the calls go through */
    protected abstract MtprotoClient client();

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(IN_FLIGHT)
    public Object pipelined() {
        MtprotoClient client = client();
        @SuppressWarnings("unchecked")
        CompletableFuture<NearestDcType>[] calls = new CompletableFuture[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            calls[i] = client.invoke(GetNearestDc.INSTANCE);
        }
        return CompletableFuture.allOf(calls).join();
    }
}
