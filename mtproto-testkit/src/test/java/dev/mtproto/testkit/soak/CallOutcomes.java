package dev.mtproto.testkit.soak;

import dev.mtproto.session.UnansweredCall;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to each call of the soak (its outcome and the fault armed with it) and the checks of every
 * outcome against the DC's {@link ExecutionRecord}. Calls are numbered 0..n-1; call {@code i} has id
 * {@code i + 1}. Thread-safe: each call is written by the one caller that made it.
 */
final class CallOutcomes {
    private final byte[] outcomes;
    private final AtomicLongArray byKindAndOutcome = new AtomicLongArray((FaultKind.values().length + 1) * Outcome.values().length);
    /** Failures by the simple name of their exception class (a handful of keys). */
    private final Map<String, LongAdder> failuresByType = new ConcurrentHashMap<>();

    CallOutcomes(int calls) {
        outcomes = new byte[calls];
    }

    /** @return how a failure counts: typed "not run", typed "may have run", or untyped */
    static Outcome classify(Throwable failure) {
        if (failure instanceof UnansweredCall u) {
            return u.mayHaveRun() ? Outcome.FAILED_MAY_HAVE_RUN : Outcome.FAILED_NOT_RUN;
        }
        return Outcome.FAILED_UNTYPED;
    }

    /** Counts a failure by its exception class, for the figures. */
    void recordFailure(Throwable failure) {
        failuresByType.computeIfAbsent(failure.getClass().getSimpleName(), k -> new LongAdder()).increment();
    }

    /** @return how many calls failed with each exception class, by its simple name */
    Map<String, Long> failuresByType() {
        Map<String, Long> counts = new TreeMap<>();
        failuresByType.forEach((type, n) -> counts.put(type, n.sum()));
        return counts;
    }

    void record(int call, FaultKind fault, Outcome outcome) {
        outcomes[call] = (byte) outcome.ordinal();
        byKindAndOutcome.incrementAndGet(slot(fault, outcome));
    }

    /** @return how many calls ended so with the fault ({@code null}: none) */
    long count(FaultKind fault, Outcome outcome) {
        return byKindAndOutcome.get(slot(fault, outcome));
    }

    /** @return how many calls ended so, whatever their fault */
    long count(Outcome outcome) {
        long n = count(null, outcome);
        for (FaultKind k : FaultKind.values()) {
            n += count(k, outcome);
        }
        return n;
    }

    /**
     * Compares every outcome with the record: completed calls ran exactly once, calls that failed "not run"
     * never ran, calls that failed "may have run" ran at most once.
     *
     * @param record what the DC executed
     * @return the disagreements by kind
     */
    Verdict check(ExecutionRecord record) {
        long twice = 0;
        long lost = 0;
        long ranThoughNotRun = 0;
        long mayHaveRunAndRan = 0;
        for (int i = 0; i < outcomes.length; i++) {
            int runs = record.runs(i + 1L);
            Outcome o = Outcome.values()[outcomes[i]];
            if (runs > 1) {
                twice++;
            }
            if (o == Outcome.COMPLETED && runs == 0) {
                lost++; // answered, yet the DC never ran it
            } else if (o == Outcome.FAILED_NOT_RUN && runs > 0) {
                ranThoughNotRun++;
            } else if (o == Outcome.FAILED_MAY_HAVE_RUN && runs == 1) {
                mayHaveRunAndRan++;
            }
        }
        return new Verdict(twice, lost, ranThoughNotRun, count(Outcome.HUNG), count(Outcome.FAILED_UNTYPED), mayHaveRunAndRan);
    }

    private static int slot(FaultKind fault, Outcome outcome) {
        int row = fault == null ? 0 : fault.ordinal() + 1;
        return row * Outcome.values().length + outcome.ordinal();
    }

    /**
     * What the checks found.
     *
     * @param twice calls the DC ran more than once
     * @param lost calls answered that the DC never ran
     * @param ranThoughNotRun calls that failed saying they did not run, yet ran
     * @param hung calls still pending after their deadline and the grace
     * @param untyped calls that failed with an error not saying whether they ran
     * @param mayHaveRunAndRan calls that failed "may have run" and did run (allowed; for the figures)
     */
    record Verdict(long twice, long lost, long ranThoughNotRun, long hung, long untyped, long mayHaveRunAndRan) {
    }
}
