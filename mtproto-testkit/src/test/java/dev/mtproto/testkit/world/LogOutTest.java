package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.CodeSettings;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.LogOut;
import dev.mtproto.tl.api.auth.LoggedOut;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SentCodeSuccess;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code auth.logOut} and the future auth tokens it hands out (https://core.telegram.org/api/auth#future-auth-tokens). */
class LogOutTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(1);

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static SendCode sendCodeWith(String phone, byte[] token) {
        return new SendCode(phone, TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH,
                CodeSettings.builder().logoutTokens(List.of(token)).build());
    }

    @Test
    void aLoggedOutKeyIsUnauthorizedAndItsFutureAuthTokenSignsInAgainWithoutACode() {
        Account alice = world().newUser("+19990000001").name("Alice").create();
        byte[] token;
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), alice.homeDc())) {
            Authorization signedIn = (Authorization) client.signInOn(alice.homeDc(), "+19990000001");
            assertThat(signedIn.futureAuthToken()).hasSize(32);
            LoggedOut out = (LoggedOut) client.call(LogOut.INSTANCE);
            token = out.futureAuthToken();
            assertThat(token).hasSize(32);
            RpcException gone = client.error(GET_ME);
            assertThat(gone.code()).isEqualTo(401);
            assertThat(gone.errorMessage()).isEqualTo("AUTH_KEY_UNREGISTERED");
            assertThat(client.error(LogOut.INSTANCE).errorMessage()).isEqualTo("AUTH_KEY_UNREGISTERED");
        }
        try (WorldClient again = WorldClient.on(TELEGRAM.cluster(), alice.homeDc())) {
            var success = (SentCodeSuccess) again.call(sendCodeWith("+19990000001", token));
            assertThat(((User) ((Authorization) success.authorization()).user()).id()).isEqualTo(alice.id());
            assertThat(again.call(GET_ME)).hasSize(1);
        }
        Account bob = world().newUser("+19990000002").create();
        try (WorldClient other = WorldClient.on(TELEGRAM.cluster(), bob.homeDc())) {
            assertThat(other.call(sendCodeWith("+19990000002", token))).as("Alice's token is not Bob's").isInstanceOf(SentCode.class);
        }
    }

    @Test
    void withAPasswordTheFutureAuthTokenAsksForIt() {
        Account carol = world().newUser("+19990000003").password("pw").create();
        byte[] token;
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), carol.homeDc())) {
            assertThat(WorldClient.errorOf(() -> client.signInOn(carol.homeDc(), "+19990000003")).errorMessage())
                    .isEqualTo("SESSION_PASSWORD_NEEDED");
            token = client.checkPassword(carol.homeDc(), "pw").futureAuthToken();
        }
        try (WorldClient again = WorldClient.on(TELEGRAM.cluster(), carol.homeDc())) {
            RpcException needed = again.error(sendCodeWith("+19990000003", token));
            assertThat(needed.code()).isEqualTo(401);
            assertThat(needed.errorMessage()).isEqualTo("SESSION_PASSWORD_NEEDED");
            assertThat(((User) again.checkPassword(carol.homeDc(), "pw").user()).id()).isEqualTo(carol.id());
        }
    }

    @Test
    void aBotLogsOutWithoutAFutureAuthToken() {
        Account bot = world().newBot("leaving_bot").create();
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), bot.homeDc())) {
            client.botSignIn(bot.homeDc(), bot.botToken());
            assertThat(((LoggedOut) client.call(LogOut.INSTANCE)).futureAuthToken()).isNull();
            assertThat(client.error(GET_ME).errorMessage()).isEqualTo("AUTH_KEY_UNREGISTERED");
        }
    }
}
