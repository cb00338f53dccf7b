package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtproto.client.IpFamily;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.net.RouteSelection;
import dev.mtproto.testkit.proxy.RouteEvents;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A test DC that also listens on {@code ::1}: clients that prefer IPv6 (or race both families) use it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Ipv6AddressesTest {

    private static TestCluster ipv6Cluster() {
        assumeTrue(TestCluster.ipv6LoopbackAvailable(), "this machine has no IPv6 loopback (::1): the IPv6 tests are skipped");
        return TestCluster.builder().dcs(1).ipv6Addresses(true).start();
    }

    @ParameterizedTest
    @EnumSource(value = IpFamily.class, names = {"PREFER_IPV6", "BOTH"})
    void aKeyExchangeAndACallGoOverIpv6(IpFamily family) throws Exception {
        try (TestCluster cluster = ipv6Cluster()) {
            int port = cluster.dc(1).ipv6Port().orElseThrow();
            RouteEvents events = new RouteEvents();
            try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().ipFamily(family)
                    .routeSelection(RouteSelection.race()).addEventListener(events).build())) {
                client.connect().get(20, TimeUnit.SECONDS);
                NearestDc nearest = (NearestDc) client.invoke(GetNearestDc.INSTANCE).get(20, TimeUnit.SECONDS);
                assertThat(nearest.thisDc()).isEqualTo(1);
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !events.wonAddresses.isEmpty());
                assertThat(events.addresses.get(0)).isEqualTo("[::1]:" + port);
                assertThat(events.wonAddresses.get(0)).isEqualTo("[::1]:" + port);
            }
        }
    }

    @Test
    void helpGetConfigAnnouncesTheIpv6AddressAndIpv4OnlyClientsKeepToIpv4() throws Exception {
        try (TestCluster cluster = ipv6Cluster()) {
            int port = cluster.dc(1).ipv6Port().orElseThrow();
            RouteEvents events = new RouteEvents();
            try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().addEventListener(events).build())) {
                Config config = (Config) client.invoke(GetConfig.INSTANCE).get(20, TimeUnit.SECONDS);
                java.util.List<DcOption> options = config.dcOptions().stream().map(DcOption.class::cast).toList();
                assertThat(options).anySatisfy(o -> {
                    assertThat(o.ipv6()).isTrue();
                    assertThat(o.ipAddress()).isEqualTo("::1");
                    assertThat(o.port()).isEqualTo(port);
                });
                assertThat(options).filteredOn(o -> !o.ipv6()).extracting(DcOption::ipAddress).containsOnly("127.0.0.1");
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !events.wonAddresses.isEmpty());
                assertThat(events.addresses).allSatisfy(a -> assertThat(a).startsWith("127.0.0.1:"));
            }
        }
    }
}
