package dev.mtproto.spring.autoconfigure;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import java.util.ArrayList;
import java.util.List;

/** The {@code mtproto.*} properties that point an application at a test cluster on 127.0.0.1. */
public final class ClusterProperties {
    private ClusterProperties() {
    }

    /**
     * @param cluster the cluster
     * @param more further properties ({@code name=value})
     * @return api id and hash, DC addresses, RSA key, home DC 1, memory sessions, no help.getConfig refresh
     */
    public static String[] of(TestCluster cluster, String... more) {
        List<String> p = new ArrayList<>();
        p.add("mtproto.api-id=" + TestCluster.TEST_API_ID);
        p.add("mtproto.api-hash=" + TestCluster.TEST_API_HASH);
        for (TestDc dc : cluster.dcs()) {
            p.add("mtproto.dc.addresses." + dc.id() + "=" + dc.host() + ":" + dc.port());
        }
        p.add("mtproto.dc.rsa-public-key=" + cluster.rsaPublicKeyPem());
        p.add("mtproto.dc.home=1");
        p.add("mtproto.dc.refresh-options=false");
        p.add("mtproto.session.store=memory");
        p.add("mtproto.timeouts.start=20s");
        p.addAll(List.of(more));
        return p.toArray(String[]::new);
    }
}
