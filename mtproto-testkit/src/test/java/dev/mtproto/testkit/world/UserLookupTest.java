package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserStatusOnline;
import dev.mtproto.tl.api.UserStatusRecently;
import dev.mtproto.tl.api.contacts.ResolvePhone;
import dev.mtproto.tl.api.contacts.ResolveUsername;
import dev.mtproto.tl.api.contacts.ResolvedPeer;
import dev.mtproto.tl.api.users.GetFullUser;
import dev.mtproto.tl.api.users.GetUsers;
import dev.mtproto.tl.api.users.UserFull;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users as Telegram shows them (https://core.telegram.org/constructor/user) and access hashes that belong
 * to the account that got them (https://core.telegram.org/api/peers#access-hash), across two viewers on two
 * DCs.
 */
class UserLookupTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static Account alice;
    private static Account bob;
    private static Account carol;
    private static Account helper;

    @BeforeAll
    static void accounts() {
        World world = TELEGRAM.cluster().world();
        alice = world.newUser("+13330000001").name("Alice").username("alice_a").homeDc(1).create();
        bob = world.newUser("+13330000002").name("Bob", "Builder").username("bob_builder").homeDc(2).create();
        carol = world.newUser("+13330000003").name("Carol").username("carol_c").homeDc(2).create();
        helper = world.newBot("helper_bot").name("Helper").create();
    }

    private static WorldClient signedIn(Account account) {
        WorldClient client = WorldClient.on(TELEGRAM.cluster(), account.homeDc());
        client.signInOn(account.homeDc(), "+" + account.phone());
        return client;
    }

    private static User resolve(WorldClient client, String username) {
        ResolvedPeer peer = (ResolvedPeer) client.call(new ResolveUsername(username, null));
        assertThat(peer.chats()).isEmpty();
        return (User) peer.users().get(0);
    }

    @Test
    void anAccessHashWorksForTheAccountThatGotItOnly() {
        try (WorldClient a = signedIn(alice); WorldClient b = signedIn(bob)) {
            User carolForAlice = resolve(a, "@carol_c");
            User carolForBob = resolve(b, "carol_c");
            assertThat(carolForAlice.id()).isEqualTo(carolForBob.id()).isEqualTo(carol.id());
            assertThat(carolForAlice.accessHash()).isNotEqualTo(carolForBob.accessHash());

            InputUser alicesHash = new InputUser(carol.id(), carolForAlice.accessHash());
            assertThat(a.call(new GetUsers(List.of(alicesHash)))).containsExactly(carolForAlice);
            // https://core.telegram.org/method/users.getUsers#possible-errors, .../users.getFullUser#possible-errors
            assertError(b.error(new GetUsers(List.of(alicesHash))), 400, "PEER_ID_INVALID");
            assertError(b.error(new GetFullUser(alicesHash)), 400, "USER_ID_INVALID");
            assertError(a.error(new GetUsers(List.of(new InputUser(carol.id(), 0)))), 400, "PEER_ID_INVALID");
            assertThat(b.call(new GetUsers(List.of(new InputUser(carol.id(), carolForBob.accessHash()))))).containsExactly(carolForBob);
        }
    }

    @Test
    void usersLookAsTelegramSendsThem() {
        try (WorldClient a = signedIn(alice)) {
            User me = (User) a.call(GET_ME).get(0);
            assertThat(me.self()).isTrue();
            assertThat(me.phone()).isEqualTo("13330000001");
            assertThat(me.accessHash()).isNotNull();
            assertThat(me.status()).isInstanceOf(UserStatusOnline.class);

            User b = resolve(a, "BOB_BUILDER");
            assertThat(b.self()).isFalse();
            assertThat(b.min()).isFalse();
            assertThat(b.firstName()).isEqualTo("Bob");
            assertThat(b.lastName()).isEqualTo("Builder");
            assertThat(b.username()).isEqualTo("bob_builder");
            assertThat(b.phone()).as("not a contact: the number stays hidden").isNull();
            assertThat(b.status()).isInstanceOf(UserStatusRecently.class);

            ResolvedPeer byPhone = (ResolvedPeer) a.call(new ResolvePhone("+1 333 000 0002"));
            assertThat(byPhone.peer()).isEqualTo(new PeerUser(bob.id()));
            assertThat(((User) byPhone.users().get(0)).phone()).as("the number the viewer gave").isEqualTo("13330000002");

            User bot = resolve(a, "helper_bot");
            assertThat(bot.bot()).isTrue();
            assertThat(bot.status()).isNull();
            UserFull full = (UserFull) a.call(new GetFullUser(new InputUser(bot.id(), bot.accessHash())));
            assertThat(((dev.mtproto.tl.api.UserFull) full.fullUser()).botInfo()).isNotNull();
            UserFull mine = (UserFull) a.call(new GetFullUser(InputUserSelf.INSTANCE));
            assertThat(((dev.mtproto.tl.api.UserFull) mine.fullUser()).id()).isEqualTo(alice.id());
            assertThat(mine.users()).containsExactly(me.toBuilder().status(((User) mine.users().get(0)).status()).build());
        }
    }

    @Test
    void unknownUsernamesAndNumbersGetTheirErrors() {
        try (WorldClient a = signedIn(alice)) {
            // https://core.telegram.org/method/contacts.resolveUsername, .../contacts.resolvePhone
            assertError(a.error(new ResolveUsername("ab", null)), 400, "USERNAME_INVALID");
            assertError(a.error(new ResolveUsername("no__double", null)), 400, "USERNAME_INVALID");
            assertError(a.error(new ResolveUsername("@nobody_here", null)), 400, "USERNAME_NOT_OCCUPIED");
            assertError(a.error(new ResolvePhone("+13339999999")), 400, "PHONE_NOT_OCCUPIED");
            assertThat(resolve(a, "alice_a").self()).isTrue();
        }
    }
}
