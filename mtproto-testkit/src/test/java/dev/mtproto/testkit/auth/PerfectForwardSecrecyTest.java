package dev.mtproto.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.auth.BindTempAuthKey;
import dev.mtproto.tl.api.users.GetUsers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Perfect forward secrecy (https://core.telegram.org/api/pfs): every message under a temporary key bound
 * to the stored permanent one; the test DC refuses an unbound temporary key anything but a few calls, so a
 * call that works proves the binding.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PerfectForwardSecrecyTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final GetUsers SELF = new GetUsers(List.of(InputUserSelf.INSTANCE));

    private static final class Keys implements ClientEventListener {
        final List<Boolean> created = new CopyOnWriteArrayList<>();

        @Override
        public void authKeyCreated(int dcId, boolean temporary, Duration elapsed) {
            created.add(temporary);
        }
    }

    @Test
    void callsRunUnderABoundTemporaryKeyAndOnlyThePermanentOneIsStored() {
        Account bot = TELEGRAM.cluster().world().newBot("pfs_test_bot").create();
        MemorySessionStore store = new MemorySessionStore();
        Keys keys = new Keys();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store)
                .perfectForwardSecrecy(Duration.ofHours(1)).addEventListener(keys).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            assertThat(client.invoke(SELF).join()).hasSize(1);
            assertThat(dc.inspection().executions(BindTempAuthKey.class)).isEqualTo(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> keys.created.size() == 2);
        assertThat(keys.created).containsExactly(false, true);
        long permanent = store.loadAuthorization(1).orElseThrow().authKey().id();
        assertThat(dc.inspection().authKey(permanent)).as("the stored key is the DC's permanent key").isNotNull();
    }

    @Test
    void aTemporaryKeyTheDcForgotIsReplacedAndThePermanentOneKept() {
        Account bot = TELEGRAM.cluster().world().newBot("pfs_404_bot").create();
        MemorySessionStore store = new MemorySessionStore();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store)
                .perfectForwardSecrecy(Duration.ofHours(1)).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            long permanent = store.loadAuthorization(1).orElseThrow().authKey().id();
            int binds = dc.inspection().executions(BindTempAuthKey.class);
            dc.faults().transportErrorOnNextFrame(-404);
            assertThat(client.invoke(SELF).join()).as("after a new temporary key, still signed in").hasSize(1);
            assertThat(dc.inspection().executions(BindTempAuthKey.class)).isEqualTo(binds + 1);
            assertThat(store.loadAuthorization(1).orElseThrow().authKey().id()).isEqualTo(permanent);
        }
    }

    /**
     * A DC restart loses the temporary keys (https://core.telegram.org/api/pfs). A call the DC received before the
     * restart may have run; under a new temporary key it goes in a new session, where the DC could not tell it
     * from a new call, so it fails as "may have run" instead of running a second time.
     */
    @Test
    void aCallTheDcMayHaveRunBeforeARestartThatLostTheTemporaryKeyFailsInsteadOfRunningTwice() {
        Account bot = TELEGRAM.cluster().world().newBot("pfs_restart_bot").create();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore())
                .perfectForwardSecrecy(Duration.ofHours(1)).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            int before = dc.inspection().executions(GetUsers.class);
            int binds = dc.inspection().executions(BindTempAuthKey.class);
            dc.faults().nextCall(GetUsers.class).delay(Duration.ofMillis(500)); // held, then run after the restart
            var call = client.invoke(ConnectionId.main(1), SELF, Duration.ofSeconds(20));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dc.inspection().delayedCalls() == 1);
            dc.forgetTemporaryKeys();
            dc.restartKeepingKeys();

            assertThat(call).failsWithin(Duration.ofSeconds(20)).withThrowableThat().havingCause()
                    .isInstanceOfSatisfying(dev.mtproto.session.OutcomeUnknownException.class,
                            e -> assertThat(e.mayHaveRun()).isTrue());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dc.inspection().delayedCalls() == 0);
            assertThat(dc.inspection().executions(GetUsers.class)).as("run once, by the DC that held it").isEqualTo(before + 1);
            assertThat(dc.inspection().executions(BindTempAuthKey.class)).as("a new temporary key was made and bound").isEqualTo(binds + 1);
            assertThat(client.invoke(SELF).join()).as("and calls go on under it").hasSize(1);
        }
    }

    @Test
    void aTemporaryKeyNearItsExpiryIsReplacedWhileIdleAndCallsGoOn() {
        Account bot = TELEGRAM.cluster().world().newBot("pfs_renew_bot").create();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore())
                .perfectForwardSecrecy(Duration.ofSeconds(10)).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            int binds = dc.inspection().executions(BindTempAuthKey.class);
            // a tenth of its life before it expires, the idle session moves to a new key (made and bound)
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> dc.inspection().executions(BindTempAuthKey.class) > binds);
            assertThat(client.invoke(ConnectionId.main(1), SELF, Duration.ofSeconds(10)).join()).hasSize(1);
        }
    }
}
