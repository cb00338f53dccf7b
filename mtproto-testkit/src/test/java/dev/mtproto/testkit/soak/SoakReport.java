package dev.mtproto.testkit.soak;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.testkit.TestDc;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints the soak's figures: settings, faults armed and outcomes per kind, the checks, heap and duration. */
final class SoakReport {
    private SoakReport() {
    }

    static void print(SoakSettings s, FaultInjector injector, CallOutcomes outcomes, CallOutcomes.Verdict v, Duration calling,
            long heapBefore, long heapAfter, MtprotoClient client, TestDc dc) {
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%nchaos soak: %,d calls from %d callers, fault rate %.3f, seed %d, deadline %d ms, faults %s%n",
                s.calls(), s.callers(), s.faultRate(), s.seed(), s.deadline().toMillis(), s.kinds());
        out.printf(Locale.ROOT, "  calling took %.1f s (%,.0f calls/s); DC accepted %,d connections, dropped %,d client frames;"
                + " client dropped %,d messages %s%n", calling.toMillis() / 1000.0, s.calls() * 1e9 / Math.max(1, calling.toNanos()),
                dc.inspection().acceptedConnections(), dc.inspection().droppedFrames(), client.droppedMessageCount(), client.droppedMessages());
        out.printf(Locale.ROOT, "  %-22s %9s %10s %9s %13s %8s %5s%n", "fault", "armed", "completed", "not run", "may have run",
                "untyped", "hung");
        row(out, "(none)", -1, outcomes, null);
        for (FaultKind k : FaultKind.values()) {
            row(out, k.name().toLowerCase(Locale.ROOT), injector.armed(k), outcomes, k);
        }
        out.printf(Locale.ROOT, "  record: lost %d, twice %d, ran though 'not run' %d, hung %d, untyped %d;"
                + " 'may have run' that ran %d, that did not %d%n", v.lost(), v.twice(), v.ranThoughNotRun(), v.hung(), v.untyped(),
                v.mayHaveRunAndRan(), outcomes.count(Outcome.FAILED_MAY_HAVE_RUN) - v.mayHaveRunAndRan());
        out.printf(Locale.ROOT, "  failures by type: %s%n", outcomes.failuresByType());
        out.printf(Locale.ROOT, "  heap used after GC: before %.1f MB, after %.1f MB (%+.1f MB)%n%n", mb(heapBefore), mb(heapAfter),
                mb(heapAfter - heapBefore));
    }

    private static void row(PrintStream out, String name, long armed, CallOutcomes o, FaultKind k) {
        out.printf(Locale.ROOT, "  %-22s %9s %,10d %,9d %,13d %,8d %,5d%n", name, armed < 0 ? "-" : String.format(Locale.ROOT, "%,d", armed),
                o.count(k, Outcome.COMPLETED), o.count(k, Outcome.FAILED_NOT_RUN), o.count(k, Outcome.FAILED_MAY_HAVE_RUN),
                o.count(k, Outcome.FAILED_UNTYPED), o.count(k, Outcome.HUNG));
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
