package dev.mtproto.testkit.soak;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How big the chaos soak is. The defaults are the short form {@code mvn verify} runs; the long form sets
 * system properties (see docs/reliability.md): {@code soak.calls}, {@code soak.callers},
 * {@code soak.faultRate} (the chance that a call comes with a fault), {@code soak.seed},
 * {@code soak.deadlineMillis} (each call's timeout), {@code soak.faults} (the kinds to draw from, comma-separated
 * {@link FaultKind} names, or {@code all}).
 *
 * @param calls how many calls
 * @param callers how many threads call at once
 * @param faultRate the chance, 0..1, that a call has a fault armed with it
 * @param seed seeds the choice of faults
 * @param deadline each call's timeout
 * @param kinds the faults drawn from
 */
record SoakSettings(int calls, int callers, double faultRate, long seed, Duration deadline, List<FaultKind> kinds) {
    /** The short form's faults: every kind ({@code -Dsoak.faults=...} narrows them to a comma-separated list). */
    static final String DEFAULT_FAULTS = "all";

    /** How long after its deadline a future may still be pending: the client checks deadlines once a second. */
    static final Duration GRACE = Duration.ofSeconds(3);

    SoakSettings {
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty() || calls <= 0 || callers <= 0 || faultRate < 0 || faultRate > 1 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("bad soak settings: " + calls + " calls, " + callers + " callers, rate "
                    + faultRate + ", deadline " + deadline);
        }
    }

    /** @return the settings from system properties, defaulting to the short form */
    static SoakSettings fromSystemProperties() {
        return new SoakSettings(
                Integer.getInteger("soak.calls", 10_000),
                Integer.getInteger("soak.callers", 16),
                Double.parseDouble(System.getProperty("soak.faultRate", "0.02")),
                Long.getLong("soak.seed", 20_261_202L),
                Duration.ofMillis(Long.getLong("soak.deadlineMillis", 2_000L)),
                kinds(System.getProperty("soak.faults", DEFAULT_FAULTS)));
    }

    private static List<FaultKind> kinds(String names) {
        if (names.equalsIgnoreCase("all")) {
            return List.of(FaultKind.values());
        }
        return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .map(n -> FaultKind.valueOf(n.toUpperCase(Locale.ROOT))).toList();
    }
}
