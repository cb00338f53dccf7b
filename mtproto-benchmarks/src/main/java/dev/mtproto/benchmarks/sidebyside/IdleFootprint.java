package dev.mtproto.benchmarks.sidebyside;

import dev.mtproto.client.MtprotoClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What idle connected clients cost: one client is connected and closed first, so that what all clients
 * share (classes, TL tables, the shared I/O loops and pools) is in the baseline; then heap, direct
 * buffers, resident memory and threads are taken after garbage collection, {@code clients} clients are
 * connected (each past one call), and after a second of idleness the same are taken again. Reports the
 * differences divided by the number of clients.
 */
final class IdleFootprint {
    private final int clients;

    IdleFootprint(int clients) {
        this.clients = clients;
    }

    ResultLine measure(StandaloneDcClients factory) throws InterruptedException, IOException {
        factory.connected().close();
        FootprintSnapshot before = FootprintSnapshot.settled();
        List<MtprotoClient> connected = new ArrayList<>(clients);
        try {
            for (int i = 0; i < clients; i++) {
                connected.add(factory.connected());
            }
            Thread.sleep(1000);
            FootprintSnapshot after = FootprintSnapshot.settled();
            return new ResultLine()
                    .put("clients", clients)
                    .put("heapBytesPerClient", perClient(after.heap() - before.heap()))
                    .put("offHeapBufferBytesPerClient", perClient(after.directBuffers() - before.directBuffers()))
                    .put("rssBytesPerClient", perClient(after.rss() - before.rss()))
                    .put("threadsBefore", before.osThreads())
                    .put("threadsAfter", after.osThreads())
                    .put("threadsPerClient", ResultLine.round((after.osThreads() - before.osThreads()) / (double) clients, 2))
                    .put("jvmThreadsBefore", before.jvmThreads())
                    .put("jvmThreadsAfter", after.jvmThreads());
        } finally {
            connected.forEach(MtprotoClient::close);
        }
    }

    private long perClient(long bytes) {
        return Math.round(bytes / (double) clients);
    }
}
