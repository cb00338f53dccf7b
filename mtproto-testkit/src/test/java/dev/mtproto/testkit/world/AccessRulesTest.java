package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.RawClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.auth.ExportAuthorization;
import dev.mtproto.tl.api.auth.ExportedAuthorization;
import dev.mtproto.tl.api.auth.ImportAuthorization;
import dev.mtproto.tl.api.contacts.ResolvePhone;
import dev.mtproto.tl.api.contacts.ResolveUsername;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SupportName;
import dev.mtproto.tl.api.langpack.GetLanguages;
import dev.mtproto.tl.api.users.GetUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The checks Telegram makes before it runs a call, and how test scripts take the world's place. */
class AccessRulesTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }


    /** https://core.telegram.org/api/auth#we-are-authorized: "Other methods will result in an error: 401 UNAUTHORIZED". */
    @Test
    void beforeSignInOnlyTheDocumentedMethodsRun() {
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            assertError(client.error(GET_ME), 401, "AUTH_KEY_UNREGISTERED");
            assertError(client.error(new ResolveUsername("durov", null)), 401, "AUTH_KEY_UNREGISTERED");
            assertError(client.error(GetSupportName.INSTANCE), 401, "AUTH_KEY_UNREGISTERED"); // not in the world, still refused
            assertError(client.error(new GetLanguages("android")), 400, "METHOD_NOT_SCRIPTED_IN_TESTKIT_LANGPACK_GETLANGUAGES");

            world().newUser("+18880000001").homeDc(1).create();
            client.signInOn(1, "+18880000001");
            assertError(client.error(GetSupportName.INSTANCE), 400, "METHOD_NOT_SCRIPTED_IN_TESTKIT_HELP_GETSUPPORTNAME");
        }
    }

    @Test
    void aFunctionATestScriptsIsAnsweredByTheScriptAlone() {
        TELEGRAM.cluster().handlers().on(GetSupportName.class, (m, call) -> new SupportName("scripted"));
        TELEGRAM.cluster().handlers().on(GetUsers.class, (m, call) -> List.of());
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            assertThat(client.call(GetSupportName.INSTANCE)).isEqualTo(new SupportName("scripted"));
            assertThat(client.call(GET_ME)).isEmpty();
        }
    }

    /** https://core.telegram.org/api/datacenter#user-migration */
    @Test
    void anAccountMovedToAnotherDcGetsUserMigrateWhereItSignedIn() {
        Account mover = world().newUser("+18880000002").homeDc(1).create();
        try (RawClient onDc1 = RawClient.connect(TELEGRAM.cluster().dc(1), 1); RawClient onDc2 = RawClient.connect(TELEGRAM.cluster().dc(2), 2)) {
            RawCalls.signIn(onDc1, world(), "+18880000002");
            world().accounts().move(mover, 2);
            RawCalls.assertRpcError(onDc1.call(GET_ME), 303, "USER_MIGRATE_2"); // read off the wire: our client follows it
            var exported = (ExportedAuthorization) onDc1.call(new ExportAuthorization(2)); // still allowed
            onDc2.call(new ImportAuthorization(exported.id(), exported.bytes()));
            assertThat(onDc2.call(GET_ME)).asList().hasSize(1);
            assertThat(world().accounts().byId(mover.id()).orElseThrow().homeDc()).isEqualTo(2);
        }
    }

    /** https://core.telegram.org/method/contacts.resolvePhone: "Only users can use this method". */
    @Test
    void methodsForPeopleOnlyAreRefusedToBots() {
        Account bot = world().newBot("rules_bot").homeDc(1).create();
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            client.botSignIn(1, bot.botToken());
            assertError(client.error(new ResolvePhone("+18880000001")), 400, "BOT_METHOD_INVALID");
            assertThat(client.call(GET_ME)).hasSize(1);
        }
    }
}
