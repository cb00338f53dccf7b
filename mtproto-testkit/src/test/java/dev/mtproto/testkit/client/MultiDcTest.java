package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.DcRole;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connections keyed by DC and role, several addresses per DC, options and home DC changed at run time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MultiDcTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aCallGoesToTheDcAndRoleItIsAddressedTo() {
        TestCluster cluster = TELEGRAM.cluster();
        MemorySessionStore store = new MemorySessionStore();
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().sessionStore(store).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
            assertThat(client.invoke(ConnectionId.main(2), GetNearestDc.INSTANCE, TIMEOUT).join()).isEqualTo(new NearestDc("XX", 2, 2));
            assertThat(client.invoke(new ConnectionId(2, DcRole.DOWNLOAD), GetNearestDc.INSTANCE, TIMEOUT).join())
                    .isEqualTo(new NearestDc("XX", 2, 2));
            assertThat(client.homeDc()).as("the home DC did not move").isEqualTo(1);
        }
        assertThat(store.loadAuthorization(1)).isPresent();
        assertThat(store.loadAuthorization(2)).as("DC 2's key is kept too").isPresent();
    }

    @Test
    void aConnectionLeftUnusedIsClosedAndReopenedWithTheSameKey() throws InterruptedException {
        TestCluster cluster = TELEGRAM.cluster();
        int keysBefore = cluster.dc(2).inspection().authKeyCount();
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().sessionStore(new MemorySessionStore())
                .idleConnectionTimeout(Duration.ofMillis(200)).build())) {
            ConnectionId dc2 = ConnectionId.main(2);
            client.connect().join();
            client.invoke(dc2, GetNearestDc.INSTANCE, TIMEOUT).join();
            assertThat(client.state(dc2)).isEqualTo(ConnectionState.CONNECTED);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.state(dc2) != ConnectionState.DISCONNECTED && System.nanoTime() < deadline) {
                Thread.sleep(50); // the pool looks once a second
            }
            assertThat(client.state(dc2)).as("closed and forgotten after being unused").isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(client.state()).as("the home DC's connection stays, it gets the updates").isEqualTo(ConnectionState.CONNECTED);
            assertThat(client.invoke(dc2, GetNearestDc.INSTANCE, TIMEOUT).join()).isEqualTo(new NearestDc("XX", 2, 2));
            assertThat(cluster.dc(2).inspection().authKeyCount()).as("reopened with the key it had").isEqualTo(keysBefore + 1);
        }
    }

    @Test
    void connectionsToOneDcShareItsKeyEvenWhenTheyStartTogether() {
        TestCluster cluster = TELEGRAM.cluster();
        TestDc dc2 = cluster.dc(2);
        int keysBefore = dc2.inspection().authKeyCount();
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().build())) {
            List<CompletableFuture<?>> calls = List.of(
                    client.invoke(ConnectionId.main(2), GetNearestDc.INSTANCE, TIMEOUT),
                    client.invoke(new ConnectionId(2, DcRole.DOWNLOAD), GetNearestDc.INSTANCE, TIMEOUT),
                    client.invoke(new ConnectionId(2, DcRole.UPLOAD), GetNearestDc.INSTANCE, TIMEOUT));
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        }
        assertThat(dc2.inspection().authKeyCount() - keysBefore).as("keys created on DC 2").isEqualTo(1);
    }

    @Test
    void anAddressThatFailsIsFollowedByTheNextOneOfTheSameDc() throws IOException {
        TestCluster cluster = TELEGRAM.cluster();
        TestDc dc1 = cluster.dc(1);
        DcOptions options = DcOptions.of(new DcAddress(1, "127.0.0.1", closedPort()), new DcAddress(1, dc1.host(), dc1.port()));
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().dcOptions(options).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
        }
    }

    @Test
    void theAddressesHelpGetConfigListsReplaceTheBootstrapOnes() throws IOException {
        TestCluster cluster = TELEGRAM.cluster();
        // bootstrap with DC 1 alone, under an address that only works as a first step
        DcOptions bootstrap = DcOptions.of(new DcAddress(1, "localhost", cluster.dc(1).port()));
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().dcOptions(bootstrap).refreshDcOptions(true).build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.dcOptions().knows(2));
            assertThat(client.serverConfig()).isPresent();
            assertThat(client.dcOptions().all()).extracting(DcAddress::host).containsOnly("127.0.0.1");
            assertThat(client.invoke(ConnectionId.main(2), GetNearestDc.INSTANCE, TIMEOUT).join().thisDc()).as("DC 2, learnt from the config").isEqualTo(2);
        }
    }

    @Test
    void theHomeDcAndTheAddressesChangeAtRunTime() throws IOException {
        TestCluster cluster = TELEGRAM.cluster();
        MemorySessionStore store = new MemorySessionStore();
        DcOptions onlyDc1 = DcOptions.of(new DcAddress(1, cluster.dc(1).host(), cluster.dc(1).port()));
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().dcOptions(onlyDc1).sessionStore(store).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).isEqualTo(1);
            client.updateDcOptions(cluster.dcOptions());
            client.changeHomeDc(2);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).isEqualTo(2);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store.loadHomeDc().orElse(0) == 2);
        }
        try (MtprotoClient again = MtprotoClient.create(cluster.clientConfig().sessionStore(store).build())) {
            assertThat(again.homeDc()).as("the home DC is remembered").isEqualTo(2);
        }
    }
}
