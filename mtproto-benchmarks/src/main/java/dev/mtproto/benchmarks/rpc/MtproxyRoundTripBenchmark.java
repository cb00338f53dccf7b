package dev.mtproto.benchmarks.rpc;

import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.proxy.MtproxyFront;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.transport.MtproxySecret;
import dev.mtproto.transport.TransportKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pipelined RPC round trips ({@link PipelinedRoundTrips}) of the real client against the in-process test DC, straight
 * or through the testkit's MTProxy ({@link MtproxyFront}) with an {@code ee} secret, so FakeTLS: the client
 * wraps its obfuscated2 stream in TLS application-data records, and the front unwraps them, checks nothing
 * more, and relays to the DC under an obfuscated2 header of its own. Everything runs in this JVM, so the
 * proxied figure pays for the front's work as well. Issue 13's bar: the FakeTLS rate is at least half the
 * direct one.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class MtproxyRoundTripBenchmark extends PipelinedRoundTrips {
    /** How the client reaches the DC. */
    public enum Route {
        /** Straight to the DC, obfuscated intermediate transport. */
        DIRECT,
        /** Through the front, with an {@code ee} secret (FakeTLS around padded intermediate). */
        MTPROXY_FAKETLS
    }

    /** A fixed {@code ee} secret: key, then the domain the ClientHello names. */
    private static final MtproxySecret SECRET = MtproxySecret.fromHex("ee" + "5f3a1c0e9d2b4f6a8c7e1d3b5a9f0e2c"
            + HexFormat.of().formatHex("bench.example.com".getBytes(StandardCharsets.US_ASCII)));

    @Param({"DIRECT", "MTPROXY_FAKETLS"})
    public Route route;

    private TestCluster cluster;
    private MtproxyFront front;
    private MtprotoClient client;

    @Setup(Level.Trial)
    public void start() throws IOException {
        cluster = TestCluster.start(1);
        ClientConfigBuilder config = cluster.clientConfig();
        if (route == Route.MTPROXY_FAKETLS) {
            front = MtproxyFront.open(cluster, SECRET);
            config.dialer(ProxyConfig.mtproxy(front.link()).dialer());
        } else {
            config.transport(TransportKind.INTERMEDIATE, true);
        }
        client = MtprotoClient.create(config.build());
        client.connect().join();
        client.invoke(GetNearestDc.INSTANCE).join();
        if (front != null && front.relayed(MtproxySecret.Mode.FAKE_TLS) == 0) {
            throw new IllegalStateException("the client did not come through the front with FakeTLS");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        if (front != null) {
            front.close();
        }
        cluster.close();
    }

    @Override
    protected MtprotoClient client() {
        return client;
    }
}
