package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.contacts.ResolveUsername;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flood limits set by tests (https://core.telegram.org/api/errors#420-flood): N calls per window per
 * account, then {@code 420 FLOOD_WAIT_X} with X the seconds until the window frees, on the cluster's clock
 * that the test moves instead of sleeping.
 */
class FloodLimitsTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().clock(CLOCK));

    private static final ResolveUsername LOOKUP = new ResolveUsername("nobody_here", null);

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static WorldClient client() {
        return WorldClient.on(TELEGRAM.cluster(), 1, CLOCK::millis);
    }

    private static WorldClient signedIn() {
        String phone = "+1444" + String.format("%07d", NUMBERS.incrementAndGet());
        Account account = world().newUser(phone).homeDc(1).create();
        WorldClient client = client();
        client.signInOn(account.homeDc(), phone);
        return client;
    }

    private static int floodWait(RpcException e) {
        assertThat(e).isInstanceOf(FloodWaitException.class);
        assertThat(e.code()).isEqualTo(420);
        return ((FloodWaitException) e).waitSeconds();
    }

    @Test
    void nCallsPerWindowThenFloodWaitForTheSecondsLeftPerAccount() {
        world().flood().limit(ResolveUsername.class, 3, Duration.ofSeconds(60));
        try (WorldClient alice = signedIn(); WorldClient bob = signedIn()) {
            for (int i = 0; i < 3; i++) {
                assertError(alice.error(LOOKUP), 400, "USERNAME_NOT_OCCUPIED"); // counted: the call ran
            }
            assertThat(alice.error(LOOKUP).errorMessage()).isEqualTo("FLOOD_WAIT_60");
            CLOCK.advance(Duration.ofSeconds(20));
            assertThat(floodWait(alice.error(LOOKUP))).as("a refused call does not count").isEqualTo(40);
            assertError(bob.error(LOOKUP), 400, "USERNAME_NOT_OCCUPIED"); // another account has its own window
            CLOCK.advance(Duration.ofMillis(39_500));
            assertThat(floodWait(alice.error(LOOKUP))).as("rounded up").isEqualTo(1);
            CLOCK.advance(Duration.ofMillis(500));
            assertError(alice.error(LOOKUP), 400, "USERNAME_NOT_OCCUPIED");
        }
    }

    @Test
    void beforeSignInCallsCountPerKey() {
        world().flood().limit(SendCode.class, 2, Duration.ofMinutes(1));
        try (WorldClient one = client(); WorldClient two = client()) {
            one.sendCodeOn(1, "+14449990001");
            one.sendCodeOn(1, "+14449990001");
            assertThat(floodWait(one.error(WorldClient.sendCode("+14449990001")))).isEqualTo(60);
            two.sendCodeOn(1, "+14449990001");
        }
    }

    @Test
    void premiumAndSlowModeLimitsAnswerWithTheirOwnErrors() {
        world().flood().premiumLimit(ResolveUsername.class, 1, Duration.ofSeconds(30));
        world().flood().slowmode(GetNearestDc.class, Duration.ofSeconds(30));
        try (WorldClient client = signedIn()) {
            client.error(LOOKUP);
            assertThat(client.error(LOOKUP).errorMessage()).isEqualTo("FLOOD_PREMIUM_WAIT_30");
            client.call(GetNearestDc.INSTANCE); // a built-in answer: flood limits apply to every function
            CLOCK.advance(Duration.ofSeconds(10));
            RpcException slow = client.error(GetNearestDc.INSTANCE);
            assertThat(slow.errorMessage()).isEqualTo("SLOWMODE_WAIT_20");
            assertThat(floodWait(slow)).isEqualTo(20);
        }
    }

    @Test
    void scriptedFunctionsAreLimitedTooAndAResetLiftsEveryLimit() {
        TELEGRAM.cluster().handlers().on(GetNearestDc.class, (m, call) -> new NearestDc("ZZ", 1, 1));
        world().flood().limit(GetNearestDc.class, 1, Duration.ofSeconds(10));
        try (WorldClient client = client()) {
            assertThat(client.call(GetNearestDc.INSTANCE)).isEqualTo(new NearestDc("ZZ", 1, 1));
            assertThat(client.error(GetNearestDc.INSTANCE).errorMessage()).isEqualTo("FLOOD_WAIT_10");
            TELEGRAM.cluster().reset();
            client.call(GetNearestDc.INSTANCE);
            client.call(GetNearestDc.INSTANCE);
        }
    }
}
