package dev.mtproto.benchmarks.sidebyside;

import java.time.Duration;
import java.util.Set;

/**
 * The command line of {@link SideBySideMain}, parsed and checked; the same options as
 * {@code mtcute-bench.mjs}.
 *
 * @param measure {@code pipelined}, {@code sequential} or {@code idle}
 * @param dcOutput the file holding the standalone DC's standard output
 * @param warmup how long to run before measuring (pipelined, sequential)
 * @param measured how long to measure (pipelined, sequential)
 * @param inFlight calls per batch (pipelined)
 * @param clients how many clients to connect (idle)
 */
record SideBySideOptions(String measure, String dcOutput, Duration warmup, Duration measured, int inFlight, int clients) {
    static final String USAGE = "usage: SideBySideMain pipelined|sequential|idle --dc-output FILE"
            + " [--warmup-seconds S] [--seconds S] [--in-flight N] [--clients N]";
    private static final Set<String> MEASURES = Set.of("pipelined", "sequential", "idle");

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    static SideBySideOptions parse(String... args) {
        String measure = null;
        String dcOutput = null;
        double warmup = 8;
        double seconds = 10;
        int inFlight = 256;
        int clients = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dc-output" -> dcOutput = value(args, ++i, arg);
                case "--warmup-seconds" -> warmup = positive(arg, value(args, ++i, arg));
                case "--seconds" -> seconds = positive(arg, value(args, ++i, arg));
                case "--in-flight" -> inFlight = (int) positive(arg, value(args, ++i, arg));
                case "--clients" -> clients = (int) positive(arg, value(args, ++i, arg));
                default -> {
                    if (measure != null || !MEASURES.contains(arg)) {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                    measure = arg;
                }
            }
        }
        if (measure == null) {
            throw new IllegalArgumentException("name the measurement: pipelined, sequential or idle");
        }
        if (dcOutput == null) {
            throw new IllegalArgumentException("--dc-output FILE is required");
        }
        return new SideBySideOptions(measure, dcOutput, seconds(warmup), seconds(seconds), inFlight, clients);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double positive(String option, String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
        if (!(d > 0) || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
        return d;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
