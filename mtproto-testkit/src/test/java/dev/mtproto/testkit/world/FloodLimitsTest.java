package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.RawCalls.assertRpcError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.RawClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.contacts.ResolveUsername;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.RpcError;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flood limits set by tests (https://core.telegram.org/api/errors#420-flood): N calls per window per
 * account, then {@code 420 FLOOD_WAIT_X} with X the seconds until the window frees, on the cluster's clock
 * that the test moves instead of sleeping. Read off raw clients, since our own client sits short waits out
 * by itself.
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

    private static RawClient client() {
        return RawClient.connect(TELEGRAM.cluster().dc(1), 1);
    }

    private static RawClient signedIn() {
        String phone = "+1444" + String.format("%07d", NUMBERS.incrementAndGet());
        world().newUser(phone).homeDc(1).create();
        RawClient client = client();
        RawCalls.signIn(client, world(), phone);
        return client;
    }

    /** @return X of a {@code 420 FLOOD_WAIT_X}, as our client reads it */
    private static int floodWait(Object answer) {
        assertThat(answer).isInstanceOf(RpcError.class);
        RpcError e = (RpcError) answer;
        RpcException typed = RpcException.of(e.errorCode(), e.errorMessage(), "test");
        assertThat(typed).as(e.errorMessage()).isInstanceOf(FloodWaitException.class);
        assertThat(typed.code()).isEqualTo(420);
        return ((FloodWaitException) typed).waitSeconds();
    }

    @Test
    void nCallsPerWindowThenFloodWaitForTheSecondsLeftPerAccount() {
        world().flood().limit(ResolveUsername.class, 3, Duration.ofSeconds(60));
        try (RawClient alice = signedIn(); RawClient bob = signedIn()) {
            for (int i = 0; i < 3; i++) {
                assertRpcError(alice.call(LOOKUP), 400, "USERNAME_NOT_OCCUPIED"); // counted: the call ran
            }
            assertRpcError(alice.call(LOOKUP), 420, "FLOOD_WAIT_60");
            CLOCK.advance(Duration.ofSeconds(20));
            assertThat(floodWait(alice.call(LOOKUP))).as("a refused call does not count").isEqualTo(40);
            assertRpcError(bob.call(LOOKUP), 400, "USERNAME_NOT_OCCUPIED"); // another account has its own window
            CLOCK.advance(Duration.ofMillis(39_500));
            assertThat(floodWait(alice.call(LOOKUP))).as("rounded up").isEqualTo(1);
            CLOCK.advance(Duration.ofMillis(500));
            assertRpcError(alice.call(LOOKUP), 400, "USERNAME_NOT_OCCUPIED");
        }
    }

    @Test
    void beforeSignInCallsCountPerKey() {
        world().flood().limit(SendCode.class, 2, Duration.ofMinutes(1));
        try (RawClient one = client(); RawClient two = client()) {
            assertThat(one.call(WorldClient.sendCode("+14449990001"))).isInstanceOf(SentCode.class);
            assertThat(one.call(WorldClient.sendCode("+14449990001"))).isInstanceOf(SentCode.class);
            assertThat(floodWait(one.call(WorldClient.sendCode("+14449990001")))).isEqualTo(60);
            assertThat(two.call(WorldClient.sendCode("+14449990001"))).isInstanceOf(SentCode.class);
        }
    }

    @Test
    void premiumAndSlowModeLimitsAnswerWithTheirOwnErrors() {
        world().flood().premiumLimit(ResolveUsername.class, 1, Duration.ofSeconds(30));
        world().flood().slowmode(GetNearestDc.class, Duration.ofSeconds(30));
        try (RawClient client = signedIn()) {
            client.call(LOOKUP);
            assertRpcError(client.call(LOOKUP), 420, "FLOOD_PREMIUM_WAIT_30");
            assertThat(client.call(GetNearestDc.INSTANCE)).isInstanceOf(NearestDc.class); // built in: limits apply to every function
            CLOCK.advance(Duration.ofSeconds(10));
            Object slow = client.call(GetNearestDc.INSTANCE);
            assertRpcError(slow, 420, "SLOWMODE_WAIT_20");
            assertThat(floodWait(slow)).isEqualTo(20);
        }
    }

    @Test
    void scriptedFunctionsAreLimitedTooAndAResetLiftsEveryLimit() {
        TELEGRAM.cluster().handlers().on(GetNearestDc.class, (m, call) -> new NearestDc("ZZ", 1, 1));
        world().flood().limit(GetNearestDc.class, 1, Duration.ofSeconds(10));
        try (RawClient client = client()) {
            assertThat(client.call(GetNearestDc.INSTANCE)).isEqualTo(new NearestDc("ZZ", 1, 1));
            assertRpcError(client.call(GetNearestDc.INSTANCE), 420, "FLOOD_WAIT_10");
            TELEGRAM.cluster().reset();
            assertThat(client.call(GetNearestDc.INSTANCE)).isInstanceOf(NearestDc.class);
            assertThat(client.call(GetNearestDc.INSTANCE)).isInstanceOf(NearestDc.class);
        }
    }
}
