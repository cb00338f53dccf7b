package dev.mtproto.testkit.world;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster's DCs as homes of accounts: whether a DC exists, and the next one in turn for an account that
 * names none, so that accounts spread over the DCs. Thread-safe.
 */
final class HomeDcs {
    private final TestCluster cluster;
    private final AtomicInteger placed = new AtomicInteger();

    HomeDcs(TestCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * @param dc a DC id, or 0 for any
     * @return the DC asked for, checked, or the next one in turn
     * @throws IllegalArgumentException if the cluster has no such DC
     */
    int place(int dc) {
        if (dc == 0) {
            List<TestDc> dcs = cluster.dcs();
            return dcs.get(Math.floorMod(placed.getAndIncrement(), dcs.size())).id();
        }
        require(dc);
        return dc;
    }

    /** @throws IllegalArgumentException if the cluster has no DC {@code dc} */
    void require(int dc) {
        if (!has(dc)) {
            throw new IllegalArgumentException("the cluster has no DC " + dc);
        }
    }

    boolean has(int dc) {
        return cluster.dcs().stream().anyMatch(d -> d.id() == dc);
    }
}
