package dev.mtproto.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.auth.BindTempAuthKey;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.users.GetUsers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's authorization keys are erased once it is done with them: at close, when a temporary key is
 * replaced, when the DC forgot the permanent key. Each key object has one owner, so erasing the client's
 * copies never touches the session store's, and a store reused by a second client still works. In this
 * package (split across the core and testkit jars) to reach the client's keys through
 * {@link MtprotoClient#sessionKeys()}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KeyErasureTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final GetUsers SELF = new GetUsers(List.of(InputUserSelf.INSTANCE));

    /** A memory store that remembers every key it handed out (the client's copies). */
    private static final class RecordingStore extends MemorySessionStore {
        final List<AuthKey> handedOut = new CopyOnWriteArrayList<>();

        @Override
        public Optional<DcAuthorization> loadAuthorization(int dcId) {
            Optional<DcAuthorization> loaded = super.loadAuthorization(dcId);
            loaded.ifPresent(a -> handedOut.add(a.authKey()));
            return loaded;
        }

        AuthKey storedKey(int dcId) {
            return snapshot().authorization(dcId).orElseThrow().authKey();
        }
    }

    private static final class CreatedKeys implements ClientEventListener {
        final List<Boolean> temporary = new CopyOnWriteArrayList<>();

        @Override
        public void authKeyCreated(int dcId, boolean isTemporary, Duration elapsed) {
            temporary.add(isTemporary);
        }
    }

    @Test
    void closeDestroysTheKeysTheConnectionsHeldAndLeavesTheStoresIntact() {
        Account bot = TELEGRAM.cluster().world().newBot("erase_close_bot").create();
        RecordingStore store = new RecordingStore();
        List<AuthKey> held;
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            assertThat(client.invoke(SELF).join()).hasSize(1);
            held = client.sessionKeys();
            assertThat(held).isNotEmpty().noneMatch(AuthKey::isDestroyed);
            assertThat(held).as("the session runs on the client's own copy").noneMatch(k -> k == store.storedKey(1));
        }
        assertThat(held).allMatch(AuthKey::isDestroyed);
        assertThat(store.handedOut).as("every copy the client loaded").isNotEmpty().allMatch(AuthKey::isDestroyed);
        AuthKey stored = store.storedKey(1);
        assertThat(stored.isDestroyed()).isFalse();
        assertThat(stored.id()).isEqualTo(held.get(0).id());
        assertThat(TELEGRAM.cluster().dc(1).inspection().authKey(stored.id())).as("the stored key is still the DC's").isPresent();
    }

    @Test
    void closeDestroysTheTemporaryKeyAndThePermanentCopyUsedToBindIt() {
        Account bot = TELEGRAM.cluster().world().newBot("erase_pfs_close_bot").create();
        RecordingStore store = new RecordingStore();
        List<AuthKey> held;
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store)
                .perfectForwardSecrecy(Duration.ofHours(1)).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            assertThat(client.invoke(SELF).join()).hasSize(1);
            held = client.sessionKeys();
            assertThat(held).isNotEmpty().noneMatch(AuthKey::isDestroyed);
            assertThat(held).as("the session runs on the temporary key").noneMatch(k -> k.id() == store.storedKey(1).id());
        }
        assertThat(held).allMatch(AuthKey::isDestroyed);
        assertThat(store.handedOut).allMatch(AuthKey::isDestroyed);
        assertThat(store.storedKey(1).isDestroyed()).isFalse();
    }

    @Test
    void aStoreReusedAfterTheFirstClientClosedStillSignsTheSecondClientIn() {
        Account bot = TELEGRAM.cluster().world().newBot("erase_reuse_bot").create();
        MemorySessionStore store = new MemorySessionStore();
        try (MtprotoClient first = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            Authenticator.of(first).signInBot(bot.botToken()).join();
            assertThat(first.invoke(SELF).join()).hasSize(1);
        }
        for (Optional<Duration> pfs : List.of(Optional.<Duration>empty(), Optional.of(Duration.ofHours(1)))) {
            CreatedKeys created = new CreatedKeys();
            ClientConfigBuilder config = TELEGRAM.cluster().clientConfig().sessionStore(store).addEventListener(created);
            pfs.ifPresent(config::perfectForwardSecrecy);
            try (MtprotoClient next = MtprotoClient.create(config.build())) {
                assertThat(next.invoke(SELF).join()).as("signed in on the stored key, " + pfs).hasSize(1);
            }
            assertThat(created.temporary).as("no new permanent key, " + pfs).doesNotContain(false);
        }
        assertThat(store.loadAuthorization(1).orElseThrow().isAuthorized()).isTrue();
    }

    @Test
    void aTemporaryKeyReplacedNearItsExpiryIsDestroyed() {
        Account bot = TELEGRAM.cluster().world().newBot("erase_renew_bot").create();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore())
                .perfectForwardSecrecy(Duration.ofSeconds(10)).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            int binds = dc.inspection().executions(BindTempAuthKey.class);
            AuthKey first = client.sessionKeys().get(0);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> dc.inspection().executions(BindTempAuthKey.class) > binds);
            assertThat(client.invoke(ConnectionId.main(1), SELF, Duration.ofSeconds(10)).join()).hasSize(1);
            assertThat(first.isDestroyed()).as("the replaced temporary key").isTrue();
            assertThat(client.sessionKeys()).isNotEmpty().noneMatch(AuthKey::isDestroyed).noneMatch(k -> k.id() == first.id());
        }
    }

    @Test
    void aTemporaryKeyTheDcForgotIsDestroyedAndThePermanentOneKept() {
        Account bot = TELEGRAM.cluster().world().newBot("erase_404_bot").create();
        RecordingStore store = new RecordingStore();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store)
                .perfectForwardSecrecy(Duration.ofHours(1)).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            AuthKey first = client.sessionKeys().get(0);
            dc.faults().transportErrorOnNextFrame(-404);
            assertThat(client.invoke(SELF).join()).hasSize(1);
            assertThat(first.isDestroyed()).as("the temporary key the DC forgot").isTrue();
            assertThat(client.sessionKeys()).isNotEmpty().noneMatch(AuthKey::isDestroyed);
            assertThat(store.storedKey(1).isDestroyed()).isFalse();
        }
    }

    @Test
    void aPermanentKeyTheDcForgotIsDestroyedAndReplaced() {
        RecordingStore store = new RecordingStore();
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isInstanceOf(NearestDc.class);
            AuthKey first = client.sessionKeys().get(0);
            dc.forgetKeys(); // the DC answers -404 to the old key
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isInstanceOf(NearestDc.class);
            assertThat(first.isDestroyed()).as("the forgotten permanent key").isTrue();
            AuthKey now = client.sessionKeys().get(0);
            assertThat(now.isDestroyed()).isFalse();
            assertThat(now.id()).isNotEqualTo(first.id()).isEqualTo(store.storedKey(1).id());
        }
    }
}
