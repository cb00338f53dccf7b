package dev.mtproto.benchmarks.sidebyside;

import dev.mtproto.client.MtprotoClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Our client against the standalone test DC, measured exactly as {@code side-by-side/mtcute-bench.mjs}
 * measures mtcute, so that both can be compared on one DC process. Prints one JSON line:
 *
 * <pre>
 * java -cp mtproto-benchmarks/target/benchmarks.jar dev.mtproto.benchmarks.sidebyside.SideBySideMain \
 *     pipelined|sequential|idle --dc-output FILE [--warmup-seconds 8] [--seconds 10] [--in-flight 256] [--clients 1]
 * </pre>
 *
 * {@code FILE} is where the standalone DC's standard output went ({@link DcAnnouncement}). See
 * {@code side-by-side/README.md} for what each figure means. Exit status 2 on wrong usage.
 */
public final class SideBySideMain {
    private SideBySideMain() {
    }

    /**
     * @param args the measurement and its options
     * @throws IOException if the DC's output cannot be read
     * @throws InterruptedException if interrupted while waiting for the heap to settle
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        SideBySideOptions options;
        try {
            options = SideBySideOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(SideBySideOptions.USAGE);
            System.exit(2);
            return;
        }
        StandaloneDcClients factory = new StandaloneDcClients(DcAnnouncement.read(Path.of(options.dcOutput())));
        ResultLine result = run(options, factory);
        ResultLine line = new ResultLine()
                .put("side", "mtproto-spring")
                .put("runtime", "JDK " + Runtime.version())
                .put("measure", options.measure());
        System.out.println(line.putAll(result).toJson());
        System.exit(0);
    }

    private static ResultLine run(SideBySideOptions options, StandaloneDcClients factory) throws IOException, InterruptedException {
        Duration warmup = options.warmup();
        Duration measured = options.measured();
        switch (options.measure()) {
            case "pipelined" -> {
                try (MtprotoClient client = factory.connected()) {
                    return new PipelinedRate(options.inFlight()).measure(client, warmup, measured);
                }
            }
            case "sequential" -> {
                try (MtprotoClient client = factory.connected()) {
                    return new SequentialLatency().measure(client, warmup, measured);
                }
            }
            default -> {
                return new IdleFootprint(options.clients()).measure(factory);
            }
        }
    }
}
