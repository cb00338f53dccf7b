package dev.mtproto.benchmarks.rpc;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.transport.TransportKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RPC round trips of the real client against the in-process test DC over loopback TCP: both ends in this
 * JVM, so the figures include the server's work (decrypt, dispatch, encrypt) as well as the client's.
 * The call is {@code help.getNearestDc}, answered by the DC without other work.
 *
 * <ul>
 *   <li>{@code pipelined}: one thread keeps 256 calls in flight; score = round trips per second.</li>
 *   <li>{@code oneCaller}: one caller waits for each answer; sample mode gives latency percentiles.</li>
 *   <li>{@code manyCallers}: 16 threads, each waiting for its answers; latency percentiles under load.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RpcRoundTripBenchmark extends PipelinedRoundTrips {
    @Param({"INTERMEDIATE"})
    public TransportKind transport;

    @Param({"true"})
    public boolean obfuscated;

    private TestCluster cluster;
    private MtprotoClient client;

    @Setup(Level.Trial)
    public void start() {
        cluster = TestCluster.start(1);
        client = MtprotoClient.create(cluster.clientConfig().transport(transport, obfuscated).build());
        client.connect().join();
        client.invoke(GetNearestDc.INSTANCE).join();
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        cluster.close();
    }

    @Override
    protected MtprotoClient client() {
        return client;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public NearestDcType oneCaller() {
        return client.invoke(GetNearestDc.INSTANCE).join();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(16)
    public NearestDcType manyCallers() {
        return client.invoke(GetNearestDc.INSTANCE).join();
    }
}
