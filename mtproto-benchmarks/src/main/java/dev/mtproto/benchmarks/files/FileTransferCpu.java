package dev.mtproto.benchmarks.files;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link FileTransferBenchmark}'s transfers measured by CPU time rather than wall time: on a machine shared
 * with other work a transfer waits for the CPU, so its wall time says more about the neighbours than about
 * the code, while the CPU it burns per file does not depend on them much. Prints, per 64 MiB file, the wall
 * time, the process's CPU time, the bytes allocated by live threads, and the CPU of each thread group (the
 * client's I/O loops, the test DC's connection threads, ...), the rest being GC, JIT and ended threads.
 *
 * <pre>{@code java -cp mtproto-benchmarks/target/benchmarks.jar dev.mtproto.benchmarks.files.FileTransferCpu download 8 2 3 4}</pre>
 *
 * Arguments: {@code upload} or {@code download}, parts in flight, lanes, measured files, warm-up files.
 */
public final class FileTransferCpu {
    private static final double FILE_MB = 67.108864;

    private FileTransferCpu() {
    }

    /**
     * Runs the measurement and prints it.
     *
     * @param args direction, parts in flight, lanes, measured files, warm-up files
     * @throws IllegalArgumentException if the arguments are not those
     */
    public static void main(String[] args) {
        if (args.length != 5 || !(args[0].equals("upload") || args[0].equals("download"))) {
            throw new IllegalArgumentException("arguments: upload|download partsInFlight lanes files warmupFiles");
        }
        boolean upload = args[0].equals("upload");
        FileTransferBenchmark bench = new FileTransferBenchmark();
        bench.partsInFlight = Integer.parseInt(args[1]);
        bench.lanes = Integer.parseInt(args[2]);
        int files = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        bench.start();
        try {
            for (int i = 0; i < warmup; i++) {
                transfer(bench, upload);
            }
            Map<Long, Long> threadCpuBefore = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                threadCpuBefore.put(id, threads.getThreadCpuTime(id));
            }
            long allocatedBefore = allocated(threads);
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < files; i++) {
                transfer(bench, upload);
            }
            long wall = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long allocated = allocated(threads) - allocatedBefore;
            System.out.printf("%s partsInFlight=%d lanes=%d: wall %.0f ms, CPU %.0f ms, allocated %.0f MB per file; %.0f MB per CPU second%n",
                    args[0], bench.partsInFlight, bench.lanes, wall / 1e6 / files, cpu / 1e6 / files, allocated / 1e6 / files,
                    FILE_MB * files / (cpu / 1e9));
            Map<String, Long> byGroup = new TreeMap<>();
            long javaThreads = 0;
            for (long id : threads.getAllThreadIds()) {
                var info = threads.getThreadInfo(id);
                if (info != null) {
                    long used = threads.getThreadCpuTime(id) - threadCpuBefore.getOrDefault(id, 0L);
                    javaThreads += used;
                    byGroup.merge(info.getThreadName().replaceAll("-[0-9]+$", ""), used, Long::sum);
                }
            }
            byGroup.forEach((group, used) -> {
                if (used > 5_000_000L * files) {
                    System.out.printf("  %-40s %6.0f ms CPU per file%n", group, used / 1e6 / files);
                }
            });
            System.out.printf("  %-40s %6.0f ms CPU per file%n", "(GC, JIT, ended threads)", (cpu - javaThreads) / 1e6 / files);
        } finally {
            bench.stop();
        }
    }

    private static void transfer(FileTransferBenchmark bench, boolean upload) {
        if (upload) {
            bench.upload();
        } else {
            bench.download();
        }
    }

    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadAllocatedBytes(id));
        }
        return sum;
    }
}
