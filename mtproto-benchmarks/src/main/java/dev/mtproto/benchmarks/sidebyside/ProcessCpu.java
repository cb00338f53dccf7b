package dev.mtproto.benchmarks.sidebyside;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of the whole JVM process (every thread: the caller, the client's loops and pools, JIT and GC),
 * as {@code process.cpuUsage()} gives it for Node.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /**
     * @return user + system CPU time of this process so far, in nanoseconds
     * @throws IllegalStateException if this JVM does not report process CPU time
     */
    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long t = sun.getProcessCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }
}
