package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.ExportAuthorization;
import dev.mtproto.tl.api.auth.ExportedAuthorization;
import dev.mtproto.tl.api.auth.ImportAuthorization;
import dev.mtproto.tl.api.auth.LogOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Carrying an authorization to another DC (https://core.telegram.org/api/datacenter#authorization-transfer),
 * with the errors of https://core.telegram.org/method/auth.exportAuthorization and
 * https://core.telegram.org/method/auth.importAuthorization.
 */
class AuthorizationTransferTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(3));

    private static World world() {
        return TELEGRAM.cluster().world();
    }


    @Test
    void anAuthorizationExportedOnDc1SignsTheKeyOfDc2InOnceAndLogsOutWithIt() {
        Account alice = world().newUser("+17770000001").name("Alice").homeDc(1).create();
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            client.signInOn(1, "+17770000001");
            assertError(client.error(2, GET_ME), 401, "AUTH_KEY_UNREGISTERED");

            var exported = (ExportedAuthorization) client.call(new ExportAuthorization(2));
            assertThat(exported.id()).isEqualTo(alice.id());
            Authorization imported = (Authorization) client.call(2, new ImportAuthorization(exported.id(), exported.bytes()));
            assertThat(((User) imported.user()).id()).isEqualTo(alice.id());
            assertThat(client.call(2, GET_ME)).hasSize(1);
            assertError(client.error(2, new ImportAuthorization(exported.id(), exported.bytes())), 400, "AUTH_BYTES_INVALID");

            client.call(LogOut.INSTANCE);
            assertError(client.error(1, GET_ME), 401, "AUTH_KEY_UNREGISTERED");
            assertError(client.error(2, GET_ME), 401, "AUTH_KEY_UNREGISTERED"); // the imported one went with it
        }
    }

    @Test
    void exportedBytesWorkOnlyOnTheirDcForTheirUser() {
        world().newUser("+17770000002").homeDc(1).create();
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            assertError(client.error(new ExportAuthorization(2)), 401, "AUTH_KEY_UNREGISTERED");
            client.signInOn(1, "+17770000002");
            assertError(client.error(new ExportAuthorization(1)), 400, "DC_ID_INVALID");
            assertError(client.error(new ExportAuthorization(7)), 400, "DC_ID_INVALID");

            var forDc2 = (ExportedAuthorization) client.call(new ExportAuthorization(2));
            assertError(client.error(3, new ImportAuthorization(forDc2.id(), forDc2.bytes())), 400, "AUTH_BYTES_INVALID");
            assertError(client.error(2, new ImportAuthorization(forDc2.id() + 1, forDc2.bytes())), 400, "USER_ID_INVALID");
            assertError(client.error(2, new ImportAuthorization(forDc2.id(), new byte[128])), 400, "AUTH_BYTES_INVALID");
            client.call(2, new ImportAuthorization(forDc2.id(), forDc2.bytes()));
            assertThat(client.call(2, GET_ME)).hasSize(1);
        }
    }
}
