package dev.mtproto.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.LoginError;
import dev.mtproto.auth.LoginException;
import dev.mtproto.auth.SignUpDetails;
import dev.mtproto.auth.SignedIn;
import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.users.GetUsers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in as Telegram's apps do (https://core.telegram.org/api/auth), against the test DC's world of accounts. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SignInTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(3).strictChecks(true));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static MtprotoClient client() {
        return MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore()).build());
    }

    private static LoginException loginFailure(Runnable call) {
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, call::run).getCause();
        assertThat(t).isInstanceOf(LoginException.class);
        return (LoginException) t;
    }

    @Test
    void aBotSignsInWithItsToken() {
        Account bot = world().newBot("echo_test_bot").create();
        try (MtprotoClient client = client()) {
            Authenticator auth = Authenticator.of(client);
            assertThat(auth.isSignedIn().join()).isFalse();
            SignedIn me = auth.signInBot(bot.botToken()).join();
            assertThat(me.userId()).isEqualTo(bot.id());
            assertThat(me.bot()).isTrue();
            assertThat(auth.isSignedIn().join()).isTrue();
            assertThat(auth.currentAccount().join()).hasValueSatisfying(a -> assertThat(a.userId()).isEqualTo(bot.id()));
            assertThat(client.signedInUserId()).hasValue(bot.id());
        }
    }

    @Test
    void aBadBotTokenIsRefusedTyped() {
        try (MtprotoClient client = client()) {
            Authenticator auth = Authenticator.of(client);
            assertThat(loginFailure(() -> auth.signInBot("not a token").join()).error()).isEqualTo(LoginError.ACCESS_TOKEN_INVALID);
            LoginException revoked = loginFailure(() -> auth.signInBot("123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawx").join());
            assertThat(revoked.error()).isEqualTo(LoginError.ACCESS_TOKEN_INVALID);
            assertThat(revoked.getMessage()).doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawx");
        }
    }

    @Test
    void aPersonWithTwoFactorOnDc2SignsInThroughDc1() {
        Account alice = world().newUser("+15550001").name("Alice").homeDc(2).password("correct horse", "horse").create();
        ScriptedFlow flow = new ScriptedFlow().phone("+15550001")
                .code(r -> "00000") // wrong first
                .code(r -> world().logins().code("+15550001"))
                .password("wrong battery").password("correct horse");
        try (MtprotoClient client = client()) {
            assertThat(client.homeDc()).isEqualTo(1);
            SignedIn me = Authenticator.of(client).signIn(flow).join();
            assertThat(me.userId()).isEqualTo(alice.id());
            assertThat(me.homeDc()).as("PHONE_MIGRATE_2 followed").isEqualTo(2);
            assertThat(client.homeDc()).isEqualTo(2);
            assertThat(flow.codeErrors()).containsExactly(LoginError.PHONE_CODE_INVALID);
            assertThat(flow.passwordRequests).hasSize(2);
            assertThat(flow.passwordRequests.get(0).hint()).hasValue("horse");
            assertThat(flow.passwordRequests.get(1).previousError()).hasValue(LoginError.PASSWORD_HASH_INVALID);
            assertThat(client.invoke(new GetUsers(List.of(InputUserSelf.INSTANCE))).join()).hasSize(1);
        }
    }

    @Test
    void aNewNumberSignsUpAfterSeeingTheTerms() {
        ScriptedFlow flow = new ScriptedFlow().phone("+15550777").code(r -> world().logins().code("+15550777"));
        flow.signUp = new SignUpDetails("Bob", "Builder");
        try (MtprotoClient client = client()) {
            SignedIn me = Authenticator.of(client).signIn(flow).join();
            assertThat(me.firstName()).isEqualTo("Bob");
            assertThat(world().accounts().byPhone("+15550777")).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(me.userId()));
            assertThat(flow.signUpRequests).singleElement().satisfies(r -> assertThat(r.termsOfService()).isPresent());
        }
    }

    @Test
    void aFlowThatWillNotSignUpEndsTheSignInCancelled() {
        ScriptedFlow flow = new ScriptedFlow().phone("+15550778").code(r -> world().logins().code("+15550778"));
        try (MtprotoClient client = client()) {
            assertThat(loginFailure(() -> Authenticator.of(client).signIn(flow).join()).error()).isEqualTo(LoginError.CANCELLED);
        }
    }

    @Test
    void anInvalidNumberIsAskedAgainAndABannedOneEndsTheSignIn() {
        world().newUser("+15550002").name("Carol").create();
        world().logins().banPhoneNumber("+15550003");
        ScriptedFlow again = new ScriptedFlow().phone("12").phone("+15550002").code(r -> world().logins().code("+15550002"));
        try (MtprotoClient client = client()) {
            assertThat(Authenticator.of(client).signIn(again).join().firstName()).isEqualTo("Carol");
        }
        try (MtprotoClient client = client()) {
            ScriptedFlow banned = new ScriptedFlow().phone("+15550003");
            assertThat(loginFailure(() -> Authenticator.of(client).signIn(banned).join()).error()).isEqualTo(LoginError.PHONE_NUMBER_BANNED);
        }
    }

    @Test
    void anExpiredCodeBringsANewOne() {
        world().newUser("+15550004").name("Dave").create();
        world().logins().codeLifetime(Duration.ofMillis(1));
        try (MtprotoClient client = client()) {
            ScriptedFlow flow = new ScriptedFlow().phone("+15550004")
                    .code(r -> {
                        String stale = world().logins().code("+15550004");
                        try {
                            Thread.sleep(20); // a person slower than the code's lifetime
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        world().logins().codeLifetime(Duration.ofMinutes(5)); // the next code lives
                        return stale;
                    })
                    .code(r -> world().logins().code("+15550004"));
            assertThat(Authenticator.of(client).signIn(flow).join().firstName()).isEqualTo("Dave");
            assertThat(flow.codeErrors()).containsExactly(LoginError.PHONE_CODE_EXPIRED);
        }
    }

    @Test
    void aCodeCanBeSentAgainAnotherWay() {
        world().newUser("+15550005").name("Eve").create();
        ScriptedFlow flow = new ScriptedFlow().phone("+15550005").code(r -> dev.mtproto.auth.LoginFlow.RESEND_CODE)
                .code(r -> world().logins().code("+15550005"));
        try (MtprotoClient client = client()) {
            assertThat(Authenticator.of(client).signIn(flow).join().firstName()).isEqualTo("Eve");
        }
        assertThat(flow.codeRequests).hasSize(2);
        assertThat(flow.codeRequests.get(0).nextDelivery()).as("the first code names the next way").isPresent();
        assertThat(flow.codeRequests.get(1).delivery()).isEqualTo(flow.codeRequests.get(0).nextDelivery().orElseThrow());
        assertThat(flow.codeErrors()).isEmpty();
    }

    @Test
    void testModeNumbersSignInWithTheirDcDigits() {
        String phone = world().accounts().newTestPhoneNumber(3);
        ScriptedFlow flow = new ScriptedFlow().phone(phone).code(r -> "33333");
        flow.signUp = new SignUpDetails("Tess", "");
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().testMode(true)
                .dcOptions(TELEGRAM.cluster().dcOptions()).addRsaKey(TELEGRAM.cluster().rsaPublicKey()).build())) {
            SignedIn me = Authenticator.of(client).signIn(flow).join();
            assertThat(me.homeDc()).isEqualTo(3);
        }
    }

    @Test
    void logOutLeavesTheKeyUnsignedIn() {
        Account bot = world().newBot("logout_test_bot").create();
        try (MtprotoClient client = client()) {
            Authenticator auth = Authenticator.of(client);
            auth.signInBot(bot.botToken()).join();
            auth.logOut().join();
            assertThat(auth.isSignedIn().join()).isFalse();
            assertThat(client.signedInUserId()).isEmpty();
        }
    }

    @Test
    void aRestartFromTheStoreKnowsTheAccountAndWhereItIsAuthorized() {
        Account bot = world().newBot("restart_test_bot").homeDc(1).create();
        MemorySessionStore store = new MemorySessionStore();
        GetUsers self = new GetUsers(List.of(InputUserSelf.INSTANCE));
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            client.invoke(ConnectionId.main(2), self, Duration.ofSeconds(10)).join();
        }
        assertThat(store.loadAccount()).hasValueSatisfying(a -> assertThat(a.userId()).isEqualTo(bot.id()));
        assertThat(store.loadAuthorization(1).orElseThrow().authorizedUserId()).isEqualTo(bot.id());
        assertThat(store.loadAuthorization(2).orElseThrow().authorizedUserId()).as("imported on DC 2").isEqualTo(bot.id());
        int imports = TELEGRAM.cluster().dc(2).inspection().executions(dev.mtproto.tl.api.auth.ImportAuthorization.class);
        try (MtprotoClient again = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            assertThat(again.signedInUserId()).hasValue(bot.id());
            assertThat(again.invoke(ConnectionId.main(2), self, Duration.ofSeconds(10)).join()).hasSize(1);
            Authenticator.of(again).logOut().join();
        }
        assertThat(TELEGRAM.cluster().dc(2).inspection().executions(dev.mtproto.tl.api.auth.ImportAuthorization.class)).as("no transfer again").isEqualTo(imports);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store.loadAccount().isEmpty());
        assertThat(store.loadAuthorization(1).orElseThrow().authorizedUserId()).isZero();
    }

    @Test
    void theAuthorizationFollowsCallsToAnotherDcOnce() {
        Account bot = world().newBot("travel_test_bot").homeDc(1).create();
        try (MtprotoClient client = client()) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            GetUsers self = new GetUsers(List.of(InputUserSelf.INSTANCE));
            for (int i = 0; i < 3; i++) {
                assertThat(client.invoke(ConnectionId.main(2), self, Duration.ofSeconds(10)).join()).hasSize(1);
            }
            assertThat(TELEGRAM.cluster().dc(1).inspection().executions(dev.mtproto.tl.api.auth.ExportAuthorization.class)).isEqualTo(1);
            assertThat(TELEGRAM.cluster().dc(2).inspection().executions(dev.mtproto.tl.api.auth.ImportAuthorization.class)).isEqualTo(1);
        }
    }
}
