package dev.mtproto.fuzz;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * Measures what the current thread allocates while a decoder handles one input and fails the input when
 * that is more than the input can justify: {@code perInputByte} bytes for each byte received, plus a fixed
 * allowance (scratch buffers, small tables). A hostile length that makes a decoder reserve memory for data
 * that never came is a finding even when the heap is large enough to survive it.
 *
 * <p>Loading a class (and Jazzer instrumenting it) allocates on the loading thread, so a run that loaded
 * classes is not judged: it is repeated, which works because every harness is deterministic.
 */
public final class AllocationBudget {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    private static final int ATTEMPTS = 5;

    private final long perInputByte;
    private final long fixed;

    /**
     * @param perInputByte bytes that may be allocated for each input byte
     * @param fixed bytes that may be allocated whatever the input
     */
    public AllocationBudget(long perInputByte, long fixed) {
        this.perInputByte = perInputByte;
        this.fixed = fixed;
    }

    /**
     * Runs {@code harness} (which builds everything it needs from scratch) and checks what it allocated.
     *
     * @param inputLength the bytes the decoder receives
     * @param harness one deterministic run over the input
     * @throws AssertionError if a run that loaded no class allocated more than the budget allows
     */
    public void run(int inputLength, Runnable harness) {
        long allowed = fixed + perInputByte * inputLength;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long classes = CLASSES.getTotalLoadedClassCount();
            long started = THREADS.getCurrentThreadAllocatedBytes();
            harness.run();
            long used = THREADS.getCurrentThreadAllocatedBytes() - started;
            if (CLASSES.getTotalLoadedClassCount() == classes) {
                if (used > allowed) {
                    throw new AssertionError("allocated " + used + " bytes for an input of " + inputLength
                            + " bytes (budget " + allowed + ")");
                }
                return;
            }
        }
    }
}
