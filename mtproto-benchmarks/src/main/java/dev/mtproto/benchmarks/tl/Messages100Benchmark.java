package dev.mtproto.benchmarks.tl;

import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.messages.MessagesType;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding and encoding {@code messages100.bin}: one realistic {@code messages.messages} answer of layer 228
 * (38,316 bytes, 749 boxed objects; see {@code mtproto-core/src/test/resources/bench/README.md}, which also says
 * how the file is made again at a new layer).
 *
 * <p>Throughput in MB/s = 38316 / (ns/op) * 1000; objects/s = 749 / (ns/op) * 1e9. {@code decodeAndReadAll}
 * also touches every string, for comparison with codecs that decode text lazily (ours is eager, so the two
 * should match).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Messages100Benchmark {
    /** Size of the input in bytes. */
    public static final int BYTES = 38_316;

    private byte[] input;
    private MessagesType decoded;
    private TlWriter writer;

    @Setup
    public void load() {
        input = Messages100Input.load();
        if (input.length != BYTES) {
            throw new IllegalStateException("messages100.bin has " + input.length + " bytes, expected " + BYTES);
        }
        decoded = decode();
        writer = new TlWriter(64 * 1024);
        encode();
        if (writer.size() != BYTES || !Arrays.equals(writer.buffer(), 0, BYTES, input, 0, BYTES)) {
            throw new IllegalStateException("re-encoding messages100.bin does not give the same bytes");
        }
    }

    @Benchmark
    public MessagesType decode() {
        TlReader r = new TlReader(input);
        return MessagesType.read(r);
    }

    @Benchmark
    public byte[] encode() {
        writer.reset();
        decoded.write(writer);
        return writer.buffer();
    }
}
