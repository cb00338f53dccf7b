package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ReceivedUpdates;
import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Authorization;
import dev.mtproto.tl.api.UpdateLoginToken;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.AcceptLoginToken;
import dev.mtproto.tl.api.auth.ExportLoginToken;
import dev.mtproto.tl.api.auth.ImportLoginToken;
import dev.mtproto.tl.api.auth.LoginToken;
import dev.mtproto.tl.api.auth.LoginTokenMigrateTo;
import dev.mtproto.tl.api.auth.LoginTokenSuccess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Login with a QR code (https://core.telegram.org/api/qr-login), across DCs, with 2FA, and its errors. */
class QrLoginTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).clock(CLOCK));

    private static final ExportLoginToken EXPORT = new ExportLoginToken(TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH, List.of());

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static WorldClient client(int dc) {
        return WorldClient.on(TELEGRAM.cluster(), dc, CLOCK::millis);
    }

    @Test
    void aTokenShownOnDc1IsAcceptedByAClientOnDc2AndImportedThere() {
        Account alice = world().newUser("+12220000001").name("Alice").homeDc(2).create();
        List<ReceivedUpdates> pushed = new CopyOnWriteArrayList<>();
        try (WorldClient phone = client(2); WorldClient desktop = client(1)) {
            phone.signInOn(2, "+12220000001");
            desktop.raw().addUpdateListener(pushed::add);
            LoginToken shown = (LoginToken) desktop.call(EXPORT);
            assertThat(shown.token()).hasSize(32);
            assertThat(shown.expires()).isBetween((int) (CLOCK.millis() / 1000) + 29, (int) (CLOCK.millis() / 1000) + 31);

            Authorization app = (Authorization) phone.call(new AcceptLoginToken(shown.token()));
            assertThat(app.apiId()).isEqualTo(TestCluster.TEST_API_ID);
            assertThat(app.ip()).isEqualTo("127.0.0.1");
            await().atMost(Duration.ofSeconds(10)).until(() -> !pushed.isEmpty());
            assertThat(pushed).singleElement().satisfies(u -> {
                assertThat(u.connection()).isEqualTo(ConnectionId.main(1));
                assertThat(u.updates()).isInstanceOf(UpdateShort.class);
                assertThat(((UpdateShort) u.updates()).update()).isEqualTo(UpdateLoginToken.INSTANCE);
            });

            // the second export: the account lives on DC 2, so the token moves there
            var migrate = (LoginTokenMigrateTo) desktop.call(EXPORT);
            assertThat(migrate.dcId()).isEqualTo(2);
            var success = (LoginTokenSuccess) desktop.call(2, new ImportLoginToken(migrate.token()));
            var signedIn = (dev.mtproto.tl.api.auth.Authorization) success.authorization();
            assertThat(((User) signedIn.user()).id()).isEqualTo(alice.id());
            assertThat(desktop.call(2, GET_ME)).hasSize(1);
            assertError(desktop.error(2, new ImportLoginToken(migrate.token())), 400, "AUTH_TOKEN_ALREADY_ACCEPTED");
            assertError(desktop.error(1, GET_ME), 401, "AUTH_KEY_UNREGISTERED");
        }
    }

    @Test
    void onTheAccountsOwnDcTheSecondExportSignsIn() {
        Account bob = world().newUser("+12220000002").homeDc(1).create();
        try (WorldClient desktop = client(1)) {
            LoginToken shown = (LoginToken) desktop.call(EXPORT);
            world().logins().acceptLoginToken(shown.token(), bob);
            var success = (LoginTokenSuccess) desktop.call(EXPORT);
            assertThat(((User) ((dev.mtproto.tl.api.auth.Authorization) success.authorization()).user()).id()).isEqualTo(bob.id());
            assertThat(desktop.call(EXPORT)).as("a new token for another login").isInstanceOf(LoginToken.class);
        }
    }

    /** https://core.telegram.org/api/qr-login#accepting-a-login-token */
    @Test
    void tokensThatAreUnknownUsedOrExpiredAreRefused() {
        world().newUser("+12220000003").homeDc(1).create();
        try (WorldClient phone = client(1); WorldClient desktop = client(1); WorldClient laptop = client(1)) {
            assertError(phone.error(new AcceptLoginToken(new byte[32])), 401, "AUTH_KEY_UNREGISTERED");
            phone.signInOn(1, "+12220000003");
            assertError(phone.error(new AcceptLoginToken(new byte[32])), 400, "AUTH_TOKEN_INVALID");

            LoginToken once = (LoginToken) desktop.call(EXPORT);
            assertError(desktop.error(new ImportLoginToken(once.token())), 400, "AUTH_TOKEN_INVALID"); // not a migration token
            phone.call(new AcceptLoginToken(once.token()));
            assertError(phone.error(new AcceptLoginToken(once.token())), 400, "AUTH_TOKEN_ALREADY_ACCEPTED");

            LoginToken late = (LoginToken) laptop.call(EXPORT);
            CLOCK.advance(Duration.ofSeconds(31));
            assertError(phone.error(new AcceptLoginToken(late.token())), 400, "AUTH_TOKEN_EXPIRED");
        }
    }

    @Test
    void aMigrationTokenWorksOnlyOnItsDcAndOnlyForAWhile() {
        Account dave = world().newUser("+12220000004").homeDc(2).create();
        try (WorldClient desktop = client(1)) {
            world().logins().acceptLoginToken(((LoginToken) desktop.call(EXPORT)).token(), dave);
            var migrate = (LoginTokenMigrateTo) desktop.call(EXPORT);
            assertError(desktop.error(1, new ImportLoginToken(migrate.token())), 400, "AUTH_TOKEN_INVALID");
            CLOCK.advance(Duration.ofSeconds(31));
            assertError(desktop.error(2, new ImportLoginToken(migrate.token())), 400, "AUTH_TOKEN_EXPIRED");
        }
    }

    @Test
    void anAccountWithAPasswordGivesItAfterTheScan() {
        Account erin = world().newUser("+12220000005").homeDc(2).password("qr pw").create();
        try (WorldClient desktop = client(1)) {
            world().logins().acceptLoginToken(((LoginToken) desktop.call(EXPORT)).token(), erin);
            var migrate = (LoginTokenMigrateTo) desktop.call(EXPORT);
            assertError(desktop.error(2, new ImportLoginToken(migrate.token())), 401, "SESSION_PASSWORD_NEEDED");
            assertThat(((User) desktop.checkPassword(2, "qr pw").user()).id()).isEqualTo(erin.id());
            assertThat(desktop.call(2, GET_ME)).hasSize(1);
        }
    }
}
