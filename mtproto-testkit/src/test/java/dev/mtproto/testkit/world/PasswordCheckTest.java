package dev.mtproto.testkit.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputCheckPasswordEmpty;
import dev.mtproto.tl.api.InputCheckPasswordSRP;
import dev.mtproto.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtproto.tl.api.SecurePasswordKdfAlgoPBKDF2HMACSHA512iter100000;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.account.GetPassword;
import dev.mtproto.tl.api.account.Password;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.CheckPassword;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 2FA with SRP checked on the server's side (https://core.telegram.org/api/srp), answered by our own client
 * side ({@code SrpClient}, which reproduces Telegram's published vectors): what {@code account.getPassword}
 * gives, and every error of https://core.telegram.org/method/auth.checkPassword.
 */
class PasswordCheckTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().clock(CLOCK));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static WorldClient client() {
        return WorldClient.on(TELEGRAM.cluster(), 1, CLOCK::millis);
    }

    /** The account of {@link #waitingForPassword}. */
    private Account account;

    /** @return a client whose key proved the code of a new account with that password, and waits for it */
    private WorldClient waitingForPassword(String password) {
        String phone = "+1666" + String.format("%07d", NUMBERS.incrementAndGet());
        account = world().newUser(phone).name("Pat").homeDc(1).password(password, "the usual").create();
        WorldClient client = client();
        RpcException needed = WorldClient.errorOf(() -> client.signInOn(1, phone));
        assertThat(needed.errorMessage()).isEqualTo("SESSION_PASSWORD_NEEDED");
        return client;
    }

    private static void assertError(RpcException e, String message) {
        assertThat(e.code()).as(e.getMessage()).isEqualTo(400);
        assertThat(e.errorMessage()).isEqualTo(message);
    }

    @Test
    void getPasswordGivesTheRealAlgorithmAndAFreshChallengeEachTime() {
        try (WorldClient client = waitingForPassword("pw one")) {
            Password first = (Password) client.call(GetPassword.INSTANCE);
            Password second = (Password) client.call(GetPassword.INSTANCE);
            assertThat(first.hasPassword()).isTrue();
            assertThat(first.hint()).isEqualTo("the usual");
            var algo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) first.currentAlgo();
            assertThat(new BigInteger(1, algo.p())).isEqualTo(DhValidator.TELEGRAM_PRIME);
            assertThat(algo.g()).isEqualTo(3);
            assertThat(algo.salt1()).as("the server's 8 bytes and the client's 32").hasSize(40);
            assertThat(algo.salt2()).hasSize(16);
            assertThat(second.srpId()).isNotEqualTo(first.srpId());
            assertThat(second.srpB()).isNotEqualTo(first.srpB()).hasSize(256);
            var newAlgo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) first.newAlgo();
            assertThat(newAlgo.salt1()).hasSize(8);
            assertThat(first.newSecureAlgo()).isInstanceOf(SecurePasswordKdfAlgoPBKDF2HMACSHA512iter100000.class);
            assertThat(first.secureRandom()).hasSize(32);

            // an earlier challenge is still good, once
            Authorization done = (Authorization) client.call(new CheckPassword(WorldClient.srpAnswer(first, "pw one")));
            assertThat(((User) done.user()).firstName()).isEqualTo("Pat");
        }
    }

    @Test
    void aWrongPasswordAUsedSrpIdAndAChangedPasswordAreRefused() {
        try (WorldClient client = waitingForPassword("right")) {
            Password challenge = (Password) client.call(GetPassword.INSTANCE);
            assertError(client.error(new CheckPassword(WorldClient.srpAnswer(challenge, "wrong"))), "PASSWORD_HASH_INVALID");
            assertError(client.error(new CheckPassword(WorldClient.srpAnswer(challenge, "right"))), "SRP_ID_INVALID");
            InputCheckPasswordSRP made = client.srpAnswer(1, "right");
            assertError(client.error(new CheckPassword(new InputCheckPasswordSRP(made.srpId() + 1, made.a(), made.m1()))), "SRP_ID_INVALID");
            assertError(client.error(new CheckPassword(InputCheckPasswordEmpty.INSTANCE)), "PASSWORD_HASH_INVALID");

            byte[] one = new byte[256];
            one[255] = 1;
            assertError(client.error(new CheckPassword(new InputCheckPasswordSRP(made.srpId(), one, made.m1()))), "PASSWORD_HASH_INVALID");

            Password before = (Password) client.call(GetPassword.INSTANCE);
            world().accounts().setPassword(account, "changed", "");
            assertError(client.error(new CheckPassword(WorldClient.srpAnswer(before, "right"))), "SRP_PASSWORD_CHANGED");
            assertThat(client.checkPassword(1, "changed").user()).isInstanceOf(User.class);
        }
    }

    @Test
    void aChallengeExpiresAfterTenMinutes() {
        try (WorldClient client = waitingForPassword("slow")) {
            Password challenge = (Password) client.call(GetPassword.INSTANCE);
            CLOCK.advance(Duration.ofSeconds(601));
            assertError(client.error(new CheckPassword(WorldClient.srpAnswer(challenge, "slow"))), "SRP_ID_INVALID");
        }
    }

    @Test
    void aKeyThatProvedNoCodeHasNoPasswordToCheck() {
        try (WorldClient client = client()) {
            Password none = (Password) client.call(GetPassword.INSTANCE);
            assertThat(none.hasPassword()).isFalse();
            assertThat(none.currentAlgo()).isNull();
            assertThat(none.newAlgo()).isInstanceOf(PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow.class);
            assertError(client.error(new CheckPassword(InputCheckPasswordEmpty.INSTANCE)), "SRP_ID_INVALID");
        }
    }
}
