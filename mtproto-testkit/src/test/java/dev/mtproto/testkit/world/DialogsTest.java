package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.DialogType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.messages.Dialogs;
import dev.mtproto.tl.api.messages.DialogsSlice;
import dev.mtproto.tl.api.messages.DialogsType;
import dev.mtproto.tl.api.messages.GetDialogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code messages.getDialogs} over real MTProto, with its paging (https://core.telegram.org/method/messages.getDialogs,
 * https://core.telegram.org/api/offsets: the next page starts below the top message of the last dialog of the
 * previous one, named by offset_date, offset_id and offset_peer).
 */
class DialogsTest {
    private static final MutableClock CLOCK = new MutableClock();
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).clock(CLOCK));

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1559");
    }

    /** The lists of one page: dialogs, messages, users, chats (both answer forms have them). */
    private record Page(List<DialogType> dialogs, List<MessageType> messages, List<UserType> users, List<ChatType> chats) {
        static Page of(DialogsType t) {
            if (t instanceof Dialogs d) {
                return new Page(d.dialogs(), d.messages(), d.users(), d.chats());
            }
            DialogsSlice s = (DialogsSlice) t;
            return new Page(s.dialogs(), s.messages(), s.users(), s.chats());
        }

        List<Peer> peers() {
            return dialogs.stream().map(d -> ((Dialog) d).peer()).toList();
        }

        /** @return the request for the page after this one, offset by its last dialog's top message */
        GetDialogs next(int limit) {
            Dialog last = (Dialog) dialogs.get(dialogs.size() - 1);
            Message top = messages.stream().map(Message.class::cast)
                    .filter(m -> m.id() == last.topMessage() && m.peerId().equals(last.peer())).findFirst().orElseThrow();
            return GetDialogs.builder().offsetDate(top.date()).offsetId(top.id()).offsetPeer(inputPeer(last.peer())).limit(limit).hash(0)
                    .build();
        }

        private InputPeer inputPeer(Peer peer) {
            if (peer instanceof PeerUser p) {
                User u = users.stream().map(User.class::cast).filter(x -> x.id() == p.userId()).findFirst().orElseThrow();
                return new InputPeerUser(u.id(), u.accessHash());
            }
            if (peer instanceof PeerChat p) {
                return new InputPeerChat(p.chatId());
            }
            long id = ((PeerChannel) peer).channelId();
            Channel c = chats.stream().filter(Channel.class::isInstance).map(Channel.class::cast).filter(x -> x.id() == id).findFirst()
                    .orElseThrow();
            return new InputPeerChannel(c.id(), c.accessHash());
        }
    }

    private static GetDialogs first(int limit) {
        return GetDialogs.builder().offsetDate(0).offsetId(0).offsetPeer(InputPeerEmpty.INSTANCE).limit(limit).hash(0).build();
    }

    private static void tick() {
        CLOCK.advance(Duration.ofSeconds(10));
    }

    @Test
    void dialogsComeNewestFirstWithTopMessagesChannelPtsAndTheirPeers() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        WorldChat lounge = world.newSupergroup("Lounge").members(alice, bob).create();
        WorldChat family = world.newGroup("Family").members(alice, carol).create();
        tick();
        world.send(bob).to(alice).text("1");
        tick();
        world.send(carol).to(alice).text("2");
        tick();
        world.send(bob).to(lounge).text("3");
        tick();
        world.send(alice).to(family).text("4");
        try (WorldClient a = people.signedIn(alice)) {
            Dialogs all = (Dialogs) a.call(first(100));
            assertThat(Page.of(all).peers()).containsExactly(new PeerChat(family.id()), new PeerChannel(lounge.id()),
                    new PeerUser(carol.id()), new PeerUser(bob.id()));
            assertThat(all.messages()).extracting(m -> ((Message) m).message()).containsExactly("4", "3", "2", "1");
            for (int i = 0; i < 4; i++) {
                Dialog d = (Dialog) all.dialogs().get(i);
                assertThat(d.topMessage()).isEqualTo(((Message) all.messages().get(i)).id());
                assertThat(d.unreadCount()).as("nothing read yet: each message from someone else counts").isEqualTo(i == 0 ? 0 : 1);
                assertThat(d.readInboxMaxId()).isZero();
                assertThat(d.pts()).isEqualTo(i == 1 ? Integer.valueOf(world.updates().channelPts(lounge)) : null);
            }
            assertThat(all.users()).extracting(u -> ((User) u).id()).contains(bob.id(), carol.id());
            assertThat(all.chats()).hasSize(2);
        }
    }

    @Test
    void pagesFollowTheLastTopMessageToAnEmptySliceAtTheEnd() {
        Account alice = people.person("Alice");
        List<Account> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Account other = people.person("P" + i);
            others.add(other);
            world.send(other).to(alice).text("hi " + i);
            if (i != 2) {
                tick(); // P2 and P3 write in the same second: the tie is ordered, and paging splits it exactly
            }
        }
        try (WorldClient a = people.signedIn(alice)) {
            List<Peer> seen = new ArrayList<>();
            Page page = Page.of(a.call(first(2)));
            DialogsSlice firstSlice = (DialogsSlice) a.call(first(2));
            assertThat(firstSlice.count()).isEqualTo(5);
            while (!page.dialogs().isEmpty()) {
                seen.addAll(page.peers());
                DialogsType next = a.call(page.next(2));
                assertThat(next).as("a page short of the whole list is a slice with the count").isInstanceOf(DialogsSlice.class);
                assertThat(((DialogsSlice) next).count()).isEqualTo(5);
                page = Page.of(next);
            }
            List<Peer> newestFirst = new ArrayList<>();
            others.forEach(o -> newestFirst.add(0, new PeerUser(o.id())));
            assertThat(seen).isEqualTo(newestFirst);

            Page exact = Page.of(a.call(first(4)));
            Page last = Page.of(a.call(exact.next(1)));
            assertThat(last.peers()).containsExactly(new PeerUser(others.get(0).id()));
            assertThat(a.call(first(5))).as("all fit").isInstanceOf(Dialogs.class);
        }
    }

    @Test
    void dialogsCarryTheReadMarksAndCountWhatLiesAboveTheInboxMark() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        WorldChat club = world.newSupergroup("Club").members(alice, bob, carol).create();
        tick();
        world.send(bob).to(alice).text("b1");
        world.send(bob).to(alice).text("b2");
        world.send(bob).to(alice).text("b3");
        world.send(alice).to(bob).text("a1");
        world.send(alice).to(club).text("club: alice");
        world.send(bob).to(club).text("club: bob 1");
        world.send(bob).to(club).text("club: bob 2");
        world.as(alice).read(entry(alice, "b2"));
        world.as(bob).read(entry(bob, "a1"));
        world.as(carol).read(entry(carol, "club: bob 1"));
        try (WorldClient a = people.signedIn(alice)) {
            Dialogs all = (Dialogs) a.call(first(100));
            Dialog withBob = dialogWith(all, new PeerUser(bob.id()));
            assertThat(withBob.unreadCount()).as("b3").isEqualTo(1);
            assertThat(withBob.readInboxMaxId()).isEqualTo(entry(alice, "b2").id());
            assertThat(withBob.readOutboxMaxId()).as("Bob read a1").isEqualTo(entry(alice, "a1").id());
            Dialog inClub = dialogWith(all, new PeerChannel(club.id()));
            assertThat(inClub.unreadCount()).as("Bob's two; her own does not count").isEqualTo(2);
            assertThat(inClub.readInboxMaxId()).isZero();
            assertThat(inClub.readOutboxMaxId()).as("Carol read past Alice's message").isEqualTo(entry(alice, "club: alice").id());

            world.as(alice).read(entry(alice, "club: bob 2"));
            Dialog after = dialogWith((Dialogs) a.call(first(100)), new PeerChannel(club.id()));
            assertThat(after.unreadCount()).isZero();
            assertThat(after.readInboxMaxId()).isEqualTo(entry(alice, "club: bob 2").id());
        }
    }

    private static dev.mtproto.testkit.world.messages.HistoryEntry entry(Account who, String text) {
        return world.history(who).stream().filter(e -> e.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(who + " has no \"" + text + "\""));
    }

    private static Dialog dialogWith(Dialogs all, Peer peer) {
        return all.dialogs().stream().map(Dialog.class::cast).filter(d -> d.peer().equals(peer)).findFirst().orElseThrow();
    }

    @Test
    void botsMayNotListDialogs() {
        try (WorldClient b = people.signedIn(people.bot("Lister"))) {
            assertError(b.error(first(10)), 400, "BOT_METHOD_INVALID");
        }
    }
}
