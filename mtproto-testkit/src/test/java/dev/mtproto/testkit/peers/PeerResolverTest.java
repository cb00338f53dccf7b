package dev.mtproto.testkit.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.CodeRequest;
import dev.mtproto.auth.LoginFlow;
import dev.mtproto.auth.PasswordRequest;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.interceptor.RpcChain;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.peers.PeerNotFoundException;
import dev.mtproto.peers.PeerResolver;
import dev.mtproto.store.FileSessionStore;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.PeerKind;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.users.GetUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving what people write to input peers against the test DC's world, where every access hash belongs to
 * the account that received it (https://core.telegram.org/api/peers#access-hash): the cache answers first,
 * Telegram only when the cache cannot, and what was learned survives a restart through the session store.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerResolverTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static Account alice;
    private static Account carol;

    @TempDir
    Path dir;

    private final Queue<String> sent = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void accounts() {
        World world = TELEGRAM.cluster().world();
        alice = world.newUser("+14440000001").name("Alice").username("alice_r").homeDc(1).create();
        carol = world.newUser("+14440000003").name("Carol").username("carol_r").homeDc(2).create();
    }

    /** Writes down every method that leaves the client, so a test can tell a cache hit from a call. */
    private final RpcInterceptor recorder = new RpcInterceptor() {
        @Override
        public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
            sent.add(chain.request().methodName());
            return chain.proceed(chain.request());
        }
    };

    private MtprotoClient client(SessionStore store) {
        return MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).addInterceptor(recorder).build());
    }

    private static void signIn(MtprotoClient client, Account account) {
        String phone = "+" + account.phone();
        Authenticator.of(client).signIn(new LoginFlow() {
            @Override
            public String phoneNumber() {
                return phone;
            }

            @Override
            public String code(CodeRequest request) {
                return TELEGRAM.cluster().world().logins().code(phone);
            }

            @Override
            public char[] password(PasswordRequest request) {
                throw new AssertionError("no password is set");
            }
        }).join();
    }

    private long callsOf(String method) {
        return sent.stream().filter(method::equals).count();
    }

    private static PeerNotFoundException notFound(CompletableFuture<InputPeer> resolving) {
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, resolving::join).getCause();
        assertThat(t).isInstanceOf(PeerNotFoundException.class);
        return (PeerNotFoundException) t;
    }

    @Test
    void aUsernameIsAskedOnceThenAnsweredFromTheCacheWithTheViewersOwnHash() {
        try (MtprotoClient client = client(new MemorySessionStore())) {
            signIn(client, alice);
            PeerResolver peers = PeerResolver.of(client);

            InputPeerUser first = (InputPeerUser) peers.resolve("@carol_r").join();
            assertThat(first.userId()).isEqualTo(carol.id());
            assertThat(callsOf("contacts.resolveUsername")).isEqualTo(1);

            assertThat(peers.resolve("carol_r").join()).isEqualTo(first);
            assertThat(peers.resolve("https://t.me/Carol_R").join()).isEqualTo(first);
            assertThat(peers.resolve("tg://resolve?domain=carol_r").join()).isEqualTo(first);
            assertThat(peers.resolve(Long.toString(carol.id())).join()).isEqualTo(first);
            assertThat(peers.resolve(PeerKind.USER, carol.id()).join()).isEqualTo(first);
            assertThat(callsOf("contacts.resolveUsername")).as("every later form came from the cache").isEqualTo(1);

            // the hash really is Alice's: Telegram accepts it from her
            List<UserType> users = client.invoke(new GetUsers(List.of(new InputUser(carol.id(), first.accessHash())))).join();
            assertThat(users).singleElement().satisfies(u -> assertThat(((User) u).id()).isEqualTo(carol.id()));
        }
    }

    @Test
    void aPhoneNumberIsResolvedThroughContactsResolvePhone() {
        try (MtprotoClient client = client(new MemorySessionStore())) {
            signIn(client, alice);
            InputPeerUser carolByPhone = (InputPeerUser) PeerResolver.of(client).resolve("+" + carol.phone()).join();
            assertThat(carolByPhone.userId()).isEqualTo(carol.id());
            assertThat(callsOf("contacts.resolvePhone")).isEqualTo(1);
            assertThat(PeerResolver.of(client).resolve("+" + carol.phone()).join()).isEqualTo(carolByPhone);
            assertThat(callsOf("contacts.resolvePhone")).isEqualTo(1);
        }
    }

    @Test
    void whatWasLearnedSurvivesARestartThroughTheSessionFile() {
        Path file = dir.resolve("alice.session");
        InputPeer carolForAlice;
        try (FileSessionStore store = FileSessionStore.open(file); MtprotoClient client = client(store)) {
            signIn(client, alice);
            carolForAlice = PeerResolver.of(client).resolve("@carol_r").join();
        }
        sent.clear();
        try (FileSessionStore store = FileSessionStore.open(file); MtprotoClient restarted = client(store)) {
            PeerResolver peers = PeerResolver.of(restarted);
            assertThat(peers.resolve(PeerKind.USER, carol.id()).join()).isEqualTo(carolForAlice);
            assertThat(peers.resolve("@carol_r").join()).isEqualTo(carolForAlice);
            assertThat(sent).as("nothing was asked of Telegram").isEmpty();
        }
    }

    @Test
    void selfAndBasicGroupsNeedNoCall() {
        try (MtprotoClient client = client(new MemorySessionStore())) {
            signIn(client, alice);
            sent.clear();
            PeerResolver peers = PeerResolver.of(client);
            assertThat(peers.resolve("me").join()).isEqualTo(InputPeerSelf.INSTANCE);
            assertThat(peers.resolve("-4242").join()).isEqualTo(new InputPeerChat(4242));
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void whatCannotBeFoundFailsTypedNamingWhatWasAsked() {
        try (MtprotoClient client = client(new MemorySessionStore())) {
            signIn(client, alice);
            PeerResolver peers = PeerResolver.of(client);

            PeerNotFoundException noSuchName = notFound(peers.resolve("@nobody_by_that_name"));
            assertThat(noSuchName.query()).isEqualTo("@nobody_by_that_name");
            assertThat(noSuchName.getMessage()).contains("@nobody_by_that_name", "contacts.resolveUsername", "USERNAME_NOT_OCCUPIED");

            PeerNotFoundException unseenId = notFound(peers.resolve(PeerKind.USER, carol.id()));
            assertThat(unseenId.getMessage()).contains("users.getUsers");

            PeerNotFoundException unparseable = notFound(peers.resolve("not a peer!"));
            assertThat(unparseable.getMessage()).contains("@username", "+phone");

            assertThat(notFound(peers.resolve("https://t.me/+AbCdEf")).getMessage()).contains("invite link");
        }
    }
}
