package dev.mtproto.benchmarks.sidebyside;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory and threads at one moment.
 *
 * @param heap heap bytes in use
 * @param directBuffers bytes held by direct NIO buffers (off the heap)
 * @param rss resident set size in bytes (Linux), or -1 elsewhere
 * @param osThreads the process's threads as the OS sees them (Linux), or the JVM's platform threads elsewhere
 * @param jvmThreads the JVM's live platform threads
 */
record FootprintSnapshot(long heap, long directBuffers, long rss, int osThreads, int jvmThreads) {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE = 4096;

    /**
     * Collects garbage until the heap stops shrinking (at most ten rounds), then takes the figures.
     *
     * @return the figures
     * @throws InterruptedException if interrupted between collections
     * @throws IOException if /proc cannot be read
     */
    static FootprintSnapshot settled() throws InterruptedException, IOException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long used = heapUsed();
            if (used >= last) {
                break;
            }
            last = used;
        }
        return new FootprintSnapshot(heapUsed(), directBufferBytes(), residentBytes(), threadsOfProcess(),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long directBufferBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }

    private static long residentBytes() throws IOException {
        if (!Files.isReadable(STATM)) {
            return -1;
        }
        String[] fields = Files.readString(STATM, StandardCharsets.US_ASCII).trim().split("\\s+");
        return Long.parseLong(fields[1]) * PAGE;
    }

    private static int threadsOfProcess() throws IOException {
        if (!Files.isDirectory(TASKS)) {
            return ManagementFactory.getThreadMXBean().getThreadCount();
        }
        try (var tasks = Files.list(TASKS)) {
            return (int) tasks.count();
        }
    }
}
