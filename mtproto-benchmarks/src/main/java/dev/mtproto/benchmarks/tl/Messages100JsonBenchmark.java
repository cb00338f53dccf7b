package dev.mtproto.benchmarks.tl;

import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.api.messages.MessagesType;
import dev.mtproto.tl.jackson.TlJacksonModule;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of {@code messages100.bin} (the same {@code messages.messages} answer as
 * {@link Messages100Benchmark}) through Jackson with {@code TlJacksonModule}: {@code toJson} writes the
 * decoded objects as UTF-8 JSON bytes, {@code fromJson} reads them back into TL objects.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Messages100JsonBenchmark {
    private JsonMapper mapper;
    private MessagesType decoded;
    private byte[] json;

    @Setup
    public void load() {
        byte[] input = Messages100Input.load();
        mapper = JsonMapper.builder().addModule(new TlJacksonModule()).build();
        decoded = MessagesType.read(new TlReader(input));
        json = toJson();
        if (!fromJson().equals(decoded)) {
            throw new IllegalStateException("messages100.bin does not survive the trip through JSON");
        }
    }

    @Benchmark
    public byte[] toJson() {
        return mapper.writeValueAsBytes(decoded);
    }

    @Benchmark
    public MessagesType fromJson() {
        return mapper.readValue(json, MessagesType.class);
    }
}
