package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.RawCalls.assertRpcError;
import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.RawClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.CodeSettings;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.AuthorizationSignUpRequired;
import dev.mtproto.tl.api.auth.CancelCode;
import dev.mtproto.tl.api.auth.CodeTypeCall;
import dev.mtproto.tl.api.auth.CodeTypeSms;
import dev.mtproto.tl.api.auth.ResendCode;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SentCodeTypeApp;
import dev.mtproto.tl.api.auth.SentCodeTypeCall;
import dev.mtproto.tl.api.auth.SentCodeTypeSms;
import dev.mtproto.tl.api.auth.SignIn;
import dev.mtproto.tl.api.auth.SignUp;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in and up with a phone number and a code (https://core.telegram.org/api/auth), over real MTProto
 * with our own client calling the raw functions: the results, every error the methods' pages list, the
 * home DC of a number (https://core.telegram.org/api/datacenter, read off a raw client: ours follows the
 * redirect by itself) and Telegram's test numbers.
 */
class PhoneSignInTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).clock(CLOCK));

    private static TestCluster telegram() {
        return TELEGRAM.cluster();
    }

    private static World world() {
        return telegram().world();
    }

    /** @return a number no other test uses */
    private static String newNumber() {
        return "+1555" + String.format("%07d", NUMBERS.incrementAndGet());
    }

    /** @return a client on DC 1 that follows the cluster's clock */
    private static WorldClient client() {
        return WorldClient.on(telegram(), 1, CLOCK::millis);
    }

    private static SignIn signIn(String phone, String hash, String code) {
        return SignIn.builder().phoneNumber(phone).phoneCodeHash(hash).phoneCode(code).build();
    }


    @Test
    void aNewNumberSignsUpWithTheTermsOfServiceThenSignsInWithACodeSentToTheApp() {
        String phone = newNumber();
        try (WorldClient first = client(); WorldClient second = client()) {
            SentCode sent = (SentCode) first.call(WorldClient.sendCode(phone));
            assertThat(sent.type()).as("nobody is signed in to send it to the app").isEqualTo(new SentCodeTypeSms(5));
            assertThat(sent.nextType()).isEqualTo(CodeTypeCall.INSTANCE);
            assertThat(sent.timeout()).isEqualTo(60);
            String code = world().logins().code(phone);
            assertThat(code).hasSize(5).containsOnlyDigits();

            var signUpRequired = (AuthorizationSignUpRequired) first.call(signIn(phone, sent.phoneCodeHash(), code));
            assertThat(signUpRequired.termsOfService()).isNotNull();
            var signedUp = (Authorization) first.call(new SignUp(false, phone, sent.phoneCodeHash(), " Alice ", "Smith"));
            User me = (User) signedUp.user();
            assertThat(me.self()).isTrue();
            assertThat(me.firstName()).isEqualTo("Alice");
            assertThat(me.lastName()).isEqualTo("Smith");
            assertThat(me.phone()).isEqualTo(phone.substring(1));
            assertThat(signedUp.futureAuthToken()).isNotEmpty();
            Account account = world().accounts().byPhone(phone).orElseThrow();
            assertThat(account.id()).isEqualTo(me.id()).isGreaterThan(1L << 32);
            assertThat(account.homeDc()).isEqualTo(1);
            assertThat(first.call(GET_ME)).containsExactly(me);

            // https://core.telegram.org/api/auth#code-types: signed in elsewhere, the code goes to the app first
            SentCode again = (SentCode) second.call(WorldClient.sendCode(phone));
            assertThat(again.type()).isEqualTo(new SentCodeTypeApp(5));
            assertThat(again.nextType()).isEqualTo(CodeTypeSms.INSTANCE);
            var signedIn = (Authorization) second.call(signIn(phone, again.phoneCodeHash(), world().logins().code(phone)));
            assertThat(((User) signedIn.user()).id()).isEqualTo(me.id());
        }
    }

    /** The case: an account on DC 2 with 2FA signs in through DC 1. */
    @Test
    void anAccountOnDc2WithAPasswordIsSentThereFromDc1AndSignsInWithSrp() {
        String phone = newNumber();
        Account alice = world().newUser(phone).name("Alice").homeDc(2).password("correct horse", "horse").create();
        try (RawClient raw = RawClient.connect(telegram().dc(1), 1)) {
            assertRpcError(raw.call(WorldClient.sendCode(phone)), 303, "PHONE_MIGRATE_2");
        }
        try (WorldClient client = client()) {
            String hash = client.sendCodeOn(2, phone);
            RpcException needed = client.error(2, signIn(phone, hash, world().logins().code(phone)));
            assertError(needed, 401, "SESSION_PASSWORD_NEEDED"); // https://core.telegram.org/api/errors#401-unauthorized
            assertError(client.error(2, GET_ME), 401, "AUTH_KEY_UNREGISTERED");

            Authorization done = client.checkPassword(2, "correct horse");
            assertThat(((User) done.user()).id()).isEqualTo(alice.id());
            assertThat(client.call(2, GET_ME)).hasSize(1);
            assertError(client.error(1, GET_ME), 401, "AUTH_KEY_UNREGISTERED");
        }
    }

    @Test
    void wrongCodesAndHashesGetTheErrorsOfTheSignInPage() {
        String phone = newNumber();
        world().newUser(phone).homeDc(1).create();
        try (WorldClient client = client()) {
            String hash = client.sendCodeOn(1, phone);
            String code = world().logins().code(phone);
            String wrong = code.equals("00000") ? "11111" : "00000";
            // https://core.telegram.org/method/auth.signIn#possible-errors
            assertError(client.error(signIn(phone, hash, wrong)), 400, "PHONE_CODE_INVALID");
            assertError(client.error(signIn(phone, hash, "")), 400, "PHONE_CODE_EMPTY");
            assertError(client.error(SignIn.builder().phoneNumber(phone).phoneCodeHash(hash).build()), 400, "PHONE_CODE_EMPTY");
            assertError(client.error(signIn(phone, "", code)), 400, "PHONE_CODE_HASH_EMPTY");
            assertError(client.error(signIn(phone, "0123456789abcdef01", code)), 400, "PHONE_CODE_EXPIRED");
            assertError(client.error(signIn("not a number", hash, code)), 406, "PHONE_NUMBER_INVALID");

            String newer = client.sendCodeOn(1, phone);
            assertError(client.error(signIn(phone, hash, code)), 400, "PHONE_CODE_EXPIRED"); // a new code replaced it
            assertThat((Object) client.call(new CancelCode(phone, newer))).isEqualTo(true);
            assertError(client.error(signIn(phone, newer, world().logins().code(phone))), 400, "PHONE_CODE_EXPIRED");

            world().logins().codeLifetime(Duration.ofSeconds(60));
            String expiring = client.sendCodeOn(1, phone);
            CLOCK.advance(Duration.ofSeconds(61));
            assertError(client.error(signIn(phone, expiring, world().logins().code(phone))), 400, "PHONE_CODE_EXPIRED");
        }
    }

    @Test
    void sendCodeRefusesBadNumbersBannedNumbersAndUnknownApps() {
        String banned = newNumber();
        world().logins().banPhoneNumber(banned);
        try (WorldClient client = client()) {
            // https://core.telegram.org/method/auth.sendCode#possible-errors
            assertError(client.error(WorldClient.sendCode("+1 555 CALL ME")), 406, "PHONE_NUMBER_INVALID");
            assertError(client.error(WorldClient.sendCode("+12")), 406, "PHONE_NUMBER_INVALID");
            assertError(client.error(WorldClient.sendCode(banned)), 400, "PHONE_NUMBER_BANNED");
            SendCode noApp = new SendCode(newNumber(), 0, TestCluster.TEST_API_HASH, CodeSettings.builder().build());
            assertError(client.error(noApp), 400, "API_ID_INVALID");
        }
    }

    @Test
    void resendCodeSendsTheSameCodeTheNextWayUntilThereIsNone() {
        String phone = newNumber();
        try (WorldClient client = client()) {
            String hash = client.sendCodeOn(1, phone);
            String code = world().logins().code(phone);
            SentCode byCall = (SentCode) client.call(new ResendCode(phone, hash, null));
            assertThat(byCall.type()).isEqualTo(new SentCodeTypeCall(5));
            assertThat(byCall.phoneCodeHash()).isEqualTo(hash);
            assertThat(byCall.nextType()).isNull();
            // https://core.telegram.org/method/auth.resendCode#possible-errors
            assertError(client.error(new ResendCode(phone, hash, null)), 406, "SEND_CODE_UNAVAILABLE");
            assertError(client.error(new ResendCode(phone, "", null)), 400, "PHONE_CODE_HASH_EMPTY");
            assertThat(world().logins().code(phone)).isEqualTo(code);
            assertThat(client.call(signIn(phone, hash, code))).isInstanceOf(AuthorizationSignUpRequired.class);
        }
    }

    @Test
    void signUpChecksTheNamesAndThatTheCodeWasProved() {
        String phone = newNumber();
        try (WorldClient client = client()) {
            String hash = client.sendCodeOn(1, phone);
            // https://core.telegram.org/method/auth.signUp#possible-errors
            assertError(client.error(new SignUp(false, phone, hash, "Bob", "")), 400, "PHONE_CODE_EMPTY");
            client.call(signIn(phone, hash, world().logins().code(phone)));
            assertError(client.error(new SignUp(false, phone, hash, "  ", "")), 400, "FIRSTNAME_INVALID");
            assertError(client.error(new SignUp(false, phone, hash, "Bob", "x".repeat(65))), 400, "LASTNAME_INVALID");
            assertThat(client.call(new SignUp(false, phone, hash, "Bob", ""))).isInstanceOf(Authorization.class);
            assertError(client.error(new SignUp(false, phone, hash, "Bob", "")), 400, "PHONE_NUMBER_OCCUPIED");
        }
    }

    /** https://core.telegram.org/api/auth#test-accounts: 99966XYYYY lives on DC X and gets the code XXXXX. */
    @Test
    void testNumbersOnTestModeKeysLiveOnTheirDcAndGetTheDcDigitFiveTimes() {
        String phone = world().accounts().newTestPhoneNumber(2);
        try (RawClient raw = RawClient.connect(telegram().dc(1), 1 + 10_000)) {
            assertRpcError(raw.call(WorldClient.sendCode(phone)), 303, "PHONE_MIGRATE_2");
        }
        try (WorldClient client = WorldClient.testMode(telegram(), 1, CLOCK::millis)) {
            String hash = client.sendCodeOn(2, phone);
            assertThat(world().logins().code(phone)).isEqualTo("22222");
            assertThat(client.call(2, signIn(phone, hash, "22222"))).isInstanceOf(AuthorizationSignUpRequired.class);
            client.call(2, new SignUp(false, phone, hash, "Tess", ""));
            assertThat(world().accounts().byPhone(phone).orElseThrow().homeDc()).isEqualTo(2);
            assertError(client.error(WorldClient.sendCode("9996651234")), 406, "PHONE_NUMBER_INVALID"); // the cluster has no DC 5
        }
        String plain = world().accounts().newTestPhoneNumber(2);
        try (WorldClient production = client()) {
            production.sendCodeOn(1, plain); // not a test DC's key: an ordinary number, signing up where it asks
        }
    }

    /** https://core.telegram.org/api/datacenter#registrationauthorization */
    @Test
    void newNumbersAreSentToTheDcTheWorldChoosesForThem() {
        world().logins().newNumbersDc(2);
        try (RawClient raw = RawClient.connect(telegram().dc(1), 1)) {
            assertRpcError(raw.call(WorldClient.sendCode(newNumber())), 303, "NETWORK_MIGRATE_2");
        }
        try (WorldClient client = client()) {
            String phone = newNumber();
            String hash = client.sendCodeOn(2, phone);
            client.call(2, signIn(phone, hash, world().logins().code(phone)));
            client.call(2, new SignUp(false, phone, hash, "Nell", ""));
            assertThat(world().accounts().byPhone(phone).orElseThrow().homeDc()).isEqualTo(2);
        }
    }
}
