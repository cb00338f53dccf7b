package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldPeople.inputPeerChannel;
import static dev.mtproto.testkit.world.WorldPeople.inputUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateShortChatMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.tl.api.updates.GetState;
import dev.mtproto.tl.api.updates.State;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code messages.sendMessage} over real MTProto, and the form of the updates each recipient gets
 * (https://core.telegram.org/api/updates, https://core.telegram.org/constructor/updateShortMessage,
 * https://core.telegram.org/constructor/updateShortChatMessage,
 * https://core.telegram.org/constructor/updateShortSentMessage): the sender's call, the sender's other
 * device, and the other members.
 */
class MessageFormsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1444");
    }

    private static SendMessage send(InputPeer peer, String text, long randomId) {
        return SendMessage.builder().peer(peer).message(text).randomId(randomId).build();
    }

    @Test
    void aPrivateMessageReachesTheSenderAsShortSentAndEveryoneElseAsShortMessage() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient phone = people.signedIn(alice); WorldClient laptop = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            Object result = phone.call(send(inputUser(phone, bob), "hello", 11));
            assertThat(result).isEqualTo(new UpdateShortSentMessage(true, 1, 2, 1, ((UpdateShortSentMessage) result).date(), null, null, null));

            UpdateShortMessage mine = (UpdateShortMessage) laptop.awaitPushed(1).get(0);
            assertThat(mine.out()).as("the sender's other device: out").isTrue();
            assertThat(mine.userId()).isEqualTo(bob.id());
            assertThat(mine.id()).isEqualTo(1);
            assertThat(mine.pts()).isEqualTo(2);
            assertThat(mine.ptsCount()).isEqualTo(1);
            assertThat(mine.message()).isEqualTo("hello");

            UpdateShortMessage theirs = (UpdateShortMessage) b.awaitPushed(1).get(0);
            assertThat(theirs.out()).isFalse();
            assertThat(theirs.userId()).as("the sender").isEqualTo(alice.id());
            assertThat(theirs.pts()).isEqualTo(2);

            world.updates().awaitPushed(WAIT);
            assertThat(phone.pushed()).as("the sending key has it as its result").isEmpty();
            assertThat(world.updates().state(alice).pts()).isEqualTo(2);
            assertThat(world.updates().state(alice).seq()).as("short forms move no seq").isEqualTo(1);
            State state = (State) b.call(GetState.INSTANCE);
            assertThat(state.pts()).isEqualTo(2);
            assertThat(state.seq()).isEqualTo(1);
            assertThat(world.history(bob)).singleElement().satisfies(h -> {
                assertThat(h.peer()).isEqualTo(new PeerUser(alice.id()));
                assertThat(h.out()).isFalse();
                assertThat(((Message) h.message()).fromId()).as("a private chat's peer is the sender").isNull();
            });
        }
    }

    @Test
    void theSameRandomIdMakesOneMessage() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient a = people.signedIn(alice)) {
            InputPeerUser toBob = inputUser(a, bob);
            Object first = a.call(send(toBob, "once", 77));
            assertThat(a.call(send(toBob, "once", 77))).as("the first result again").isEqualTo(first);
            assertThat(world.history(bob)).hasSize(1);
            assertThat(world.updates().state(alice).pts()).isEqualTo(2);
            assertError(a.error(send(toBob, "another text", 77)), 400, "RANDOM_ID_DUPLICATE");
            a.call(send(toBob, "twice", 78));
            assertThat(world.history(bob)).extracting(h -> h.text()).containsExactly("once", "twice");
        }
    }

    @Test
    void aBasicGroupMessageGivesUpdatesToTheSenderAndShortChatMessagesToTheRest() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        WorldChat group = world.newGroup("Team").members(alice, bob, carol).create();
        world.send(carol).to(bob).text("warm-up"); // bob's box moves ahead of alice's: pts are per account
        try (WorldClient a = people.signedIn(alice); WorldClient laptop = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            Updates result = (Updates) a.call(send(new InputPeerChat(group.id()), "hi team", 5));
            assertThat(result.seq()).isZero();
            assertThat(result.updates()).hasSize(2);
            assertThat(result.updates().get(0)).isEqualTo(new UpdateMessageID(1, 5));
            UpdateNewMessage created = (UpdateNewMessage) result.updates().get(1);
            assertThat(created.pts()).isEqualTo(2);
            Message m = (Message) created.message();
            assertThat(m.out()).isTrue();
            assertThat(m.peerId()).isEqualTo(new PeerChat(group.id()));
            assertThat(m.fromId()).isEqualTo(new PeerUser(alice.id()));
            assertThat(result.chats()).singleElement().isInstanceOfSatisfying(Chat.class, c -> {
                assertThat(c.id()).isEqualTo(group.id());
                assertThat(c.creator()).isTrue();
                assertThat(c.participantsCount()).isEqualTo(3);
            });
            assertThat(result.users()).singleElement().satisfies(u -> assertThat(((User) u).self()).isTrue());

            UpdateShortChatMessage other = (UpdateShortChatMessage) laptop.awaitPushed(1).get(0);
            assertThat(other.out()).isTrue();
            assertThat(other.pts()).isEqualTo(2);
            UpdateShortChatMessage bobs = (UpdateShortChatMessage) b.awaitPushed(1).get(0);
            assertThat(bobs.out()).isFalse();
            assertThat(bobs.fromId()).isEqualTo(alice.id());
            assertThat(bobs.chatId()).isEqualTo(group.id());
            assertThat(bobs.id()).as("bob's own message id").isEqualTo(2);
            assertThat(bobs.pts()).as("bob's own pts").isEqualTo(3);
            assertThat(world.history(carol)).extracting(h -> h.peer()).containsExactly(new PeerUser(bob.id()), new PeerChat(group.id()));
        }
    }

    @Test
    void aSupergroupMessageCarriesTheChannelsPtsToEveryMember() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        WorldChat sg = world.newSupergroup("Lounge").username("lounge_1444").members(alice, bob).create();
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            Updates result = (Updates) a.call(send(inputPeerChannel(a, "lounge_1444"), "first", 9));
            assertThat(result.updates().get(0)).isEqualTo(new UpdateMessageID(1, 9));
            UpdateNewChannelMessage sent = (UpdateNewChannelMessage) result.updates().get(1);
            assertThat(sent.pts()).as("the channel's pts").isEqualTo(2);
            assertThat(((Message) sent.message()).peerId()).isEqualTo(new PeerChannel(sg.id()));
            assertThat(((Message) sent.message()).out()).isTrue();

            Updates pushed = (Updates) b.awaitPushed(1).get(0);
            assertThat(pushed.seq()).as("channel updates are ordered by the channel's pts").isZero();
            UpdateNewChannelMessage got = (UpdateNewChannelMessage) pushed.updates().get(0);
            assertThat(got.pts()).isEqualTo(2);
            assertThat(((Message) got.message()).out()).isFalse();
            assertThat(((Message) got.message()).fromId()).isEqualTo(new PeerUser(alice.id()));
            Channel seenByBob = (Channel) pushed.chats().get(0);
            assertThat(seenByBob.megagroup()).isTrue();
            assertThat(seenByBob.accessHash()).as("bob's own hash").isEqualTo(WorldPeople.inputChannel(b, "lounge_1444").accessHash());
            assertThat(((User) pushed.users().get(0)).id()).isEqualTo(alice.id());
            assertThat(world.updates().channelPts(sg)).isEqualTo(2);
            assertThat(world.updates().state(alice).pts()).as("the common box does not move").isEqualTo(1);

            // https://core.telegram.org/api/peers#access-hash: a channel's hash belongs to its viewer
            var alicesHash = WorldPeople.inputChannel(a, "lounge_1444");
            assertThat(alicesHash.accessHash()).isNotEqualTo(seenByBob.accessHash());
            assertError(b.error(new dev.mtproto.tl.api.channels.GetChannels(java.util.List.of(alicesHash))), 400, "CHANNEL_INVALID");
            var mine = (dev.mtproto.tl.api.messages.Chats) a.call(new dev.mtproto.tl.api.channels.GetChannels(java.util.List.of(alicesHash)));
            assertThat(((Channel) mine.chats().get(0)).creator()).isTrue();
        }
    }

    @Test
    void onlyAdminsPostInABroadcastChannelAndBadInputGetsItsErrors() {
        Account admin = people.person("Admin");
        Account reader = people.person("Reader");
        Account stranger = people.person("Stranger");
        WorldChat news = world.newChannel("News").username("news_1444").creator(admin).members(reader).create();
        WorldChat group = world.newGroup("Closed").members(admin, reader).create();
        try (WorldClient r = people.signedIn(reader); WorldClient s = people.signedIn(stranger); WorldClient a = people.signedIn(admin)) {
            // https://core.telegram.org/method/messages.sendMessage#possible-errors
            assertError(r.error(send(inputPeerChannel(r, "news_1444"), "may I?", 1)), 400, "CHAT_ADMIN_REQUIRED");
            assertError(s.error(send(inputPeerChannel(s, "news_1444"), "hi", 1)), 403, "CHAT_WRITE_FORBIDDEN");
            assertError(s.error(send(new InputPeerChat(group.id()), "hi", 2)), 403, "CHAT_WRITE_FORBIDDEN");
            assertError(r.error(send(new InputPeerChat(group.id()), " ", 3)), 400, "MESSAGE_EMPTY");
            assertError(r.error(send(new InputPeerChat(group.id()), "x".repeat(4097), 4)), 400, "MESSAGE_TOO_LONG");
            InputPeerUser adminForReader = inputUser(r, admin);
            assertError(s.error(send(adminForReader, "another's hash", 5)), 400, "PEER_ID_INVALID");
            assertError(s.error(send(new InputPeerChat(999), "no such group", 6)), 400, "PEER_ID_INVALID");

            Updates post = (Updates) a.call(send(inputPeerChannel(a, "news_1444"), "breaking", 7));
            Message m = (Message) ((UpdateNewChannelMessage) post.updates().get(1)).message();
            assertThat(m.post()).isTrue();
            assertThat(m.fromId()).as("a channel post has no sender").isNull();
            Updates got = (Updates) r.awaitPushed(1).get(0);
            assertThat(((Channel) got.chats().get(0)).broadcast()).isTrue();
            assertThat(world.history(reader)).extracting(h -> h.text()).containsExactly("breaking");
            assertThat(world.history(stranger)).isEmpty();
        }
    }

    /** https://core.telegram.org/method/messages.createChat; seq: https://core.telegram.org/api/updates#update-sequence */
    @Test
    void aNewBasicGroupReachesEveryMemberAsUpdatesWithTheirNextSeq() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient phone = people.signedIn(alice); WorldClient laptop = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            State before = (State) b.call(GetState.INSTANCE);
            var invited = (dev.mtproto.tl.api.messages.InvitedUsers) phone.call(new dev.mtproto.tl.api.messages.CreateChat(
                    java.util.List.of(new dev.mtproto.tl.api.InputUser(bob.id(), inputUser(phone, bob).accessHash())), "Fresh", null));
            assertThat(invited.missingInvitees()).isEmpty();
            Updates mine = (Updates) invited.updates();
            assertThat(mine.seq()).as("the creator's next seq").isEqualTo(2);
            assertThat(mine.updates().get(1)).isInstanceOf(dev.mtproto.tl.api.UpdateChatParticipants.class);
            var created = (dev.mtproto.tl.api.MessageService) ((UpdateNewMessage) mine.updates().get(0)).message();
            assertThat(created.out()).isTrue();
            assertThat(created.action()).isInstanceOf(dev.mtproto.tl.api.MessageActionChatCreate.class);
            assertThat(mine.users()).hasSize(2);
            assertThat(laptop.awaitPushed(1)).singleElement().satisfies(u -> assertThat(((Updates) u).seq()).isEqualTo(2));
            Updates bobs = (Updates) b.awaitPushed(1).get(0);
            assertThat(bobs.seq()).isEqualTo(before.seq() + 1);
            assertThat(((UpdateNewMessage) bobs.updates().get(0)).pts()).isEqualTo(before.pts() + 1);
            assertThat(((State) b.call(GetState.INSTANCE)).seq()).isEqualTo(before.seq() + 1);
            var diff = (dev.mtproto.tl.api.updates.Difference) b.call(new dev.mtproto.tl.api.updates.GetDifference(before.pts(), null, null,
                    before.date(), 0, null));
            assertThat(diff.newMessages()).singleElement().isInstanceOf(dev.mtproto.tl.api.MessageService.class);
            assertThat(((State) diff.state()).seq()).isEqualTo(before.seq() + 1);
            long chatId = ((Chat) bobs.chats().get(0)).id();
            b.call(send(new InputPeerChat(chatId), "thanks", 1));
            assertThat(world.history(alice)).extracting(h -> h.text()).containsExactly("", "thanks");
            assertError(phone.error(new dev.mtproto.tl.api.messages.CreateChat(java.util.List.of(), "Alone", null)), 400, "USERS_TOO_FEW");
        }
    }

    /** https://core.telegram.org/api/pfs: a client on a temporary key gets its account's updates there. */
    @Test
    void aClientOnATemporaryKeyGetsThePushes() {
        Account alice = people.person("Alice");
        Account bot = people.bot("Pfs");
        var received = new java.util.concurrent.CopyOnWriteArrayList<dev.mtproto.tl.api.UpdatesType>();
        var config = TELEGRAM.cluster().clientConfig().perfectForwardSecrecy(Duration.ofHours(1)).build();
        try (var client = dev.mtproto.client.MtprotoClient.create(config)) {
            client.addUpdateListener(u -> received.add(u.updates()));
            client.invoke(new dev.mtproto.tl.api.auth.ImportBotAuthorization(0, TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH,
                    bot.botToken())).join();
            world.send(alice).to(bot).text("over a temporary key");
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !received.isEmpty());
            assertThat(received).singleElement().satisfies(u -> assertThat(((UpdateShortMessage) u).message()).isEqualTo("over a temporary key"));
        }
    }

    @Test
    void updateMethodsNeedASignedInKey() {
        try (WorldClient nobody = WorldClient.on(TELEGRAM.cluster(), 1)) {
            assertError(nobody.error(GetState.INSTANCE), 401, "AUTH_KEY_UNREGISTERED");
        }
    }
}
