package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.DcRole;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.rpc.MigrateException;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DC migrations (https://core.telegram.org/api/datacenter): which move the home DC and which only one call. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MigrationTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(3).strictChecks(true));

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final class Migrations implements ClientEventListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void migrated(String method, ConnectionId from, ConnectionId to, boolean homeDcMoved) {
            seen.add(from + " -> " + to + (homeDcMoved ? " (home)" : ""));
        }
    }

    @Test
    void phoneUserAndNetworkMigrationsMoveTheHomeDcAndAreRemembered() {
        MemorySessionStore store = new MemorySessionStore();
        Migrations migrations = new Migrations();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store)
                .addEventListener(migrations).build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).failWith(303, "PHONE_MIGRATE_2");
            assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).as("answered by").isEqualTo(2);
            assertThat(client.homeDc()).isEqualTo(2);
            TELEGRAM.cluster().dc(2).faults().nextCall(GetNearestDc.class).failWith(303, "NETWORK_MIGRATE_3");
            assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).isEqualTo(3);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).as("later calls").isEqualTo(3);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store.loadHomeDc().orElse(0) == 3);
        }
        assertThat(migrations.seen).containsExactly("DC 1 -> DC 2 (home)", "DC 2 -> DC 3 (home)");
    }

    @Test
    void fileAndStatsMigrationsSendOnlyThatCallAndKeepTheRole() {
        Migrations migrations = new Migrations();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addEventListener(migrations).build())) {
            ConnectionId download = new ConnectionId(1, DcRole.DOWNLOAD);
            TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).failWith(303, "FILE_MIGRATE_2");
            assertThat(client.invoke(download, GetNearestDc.INSTANCE, TIMEOUT).join().thisDc()).isEqualTo(2);
            TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).failWith(303, "STATS_MIGRATE_3");
            assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).isEqualTo(3);
            assertThat(client.homeDc()).as("the home DC stays").isEqualTo(1);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).isEqualTo(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> migrations.seen.size() == 2);
        assertThat(migrations.seen).containsExactly("DC 1 download -> DC 2 download", "DC 1 -> DC 3");
    }

    @Test
    void aCallSentToAChosenDcNeverMovesTheHomeDc() {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            TELEGRAM.cluster().dc(2).faults().nextCall(GetNearestDc.class).failWith(303, "USER_MIGRATE_3");
            assertThat(client.invoke(ConnectionId.main(2), GetNearestDc.INSTANCE, TIMEOUT).join().thisDc()).isEqualTo(3);
            assertThat(client.homeDc()).isEqualTo(1);
        }
    }

    @Test
    void dcsThatPointAtEachOtherEndTheCallWithTheMigrateError() {
        TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).times(10).failWith(303, "FILE_MIGRATE_2");
        TELEGRAM.cluster().dc(2).faults().nextCall(GetNearestDc.class).times(10).failWith(303, "FILE_MIGRATE_1");
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).join()).cause().isInstanceOf(MigrateException.class);
        }
    }
}
