package dev.mtproto.testkit.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.updates.Difference;
import dev.mtproto.tl.api.updates.GetDifference;
import dev.mtproto.tl.api.updates.GetState;
import dev.mtproto.tl.api.updates.State;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test controls of pushed updates: drop (a gap the client recovers with {@code updates.getDifference},
 * https://core.telegram.org/api/updates#recovering-gaps), duplicate, reorder, hold and release, random
 * faults from a seed; scripted senders and bulk messages; the world's record of what each account must get.
 */
class PushFaultsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1666");
    }

    private static List<Integer> ptsOf(List<UpdatesType> pushes) {
        return pushes.stream().map(u -> ((UpdateShortMessage) u).pts()).toList();
    }

    private static void sendTexts(Account from, Account to, int n) {
        for (int i = 0; i < n; i++) {
            world.send(from).to(to).text("m" + i);
        }
        world.updates().awaitPushed(WAIT);
    }

    @Test
    void droppedPushesLeaveAGapThatTheDifferenceFills() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient b = people.signedIn(bob)) {
            State start = (State) b.call(GetState.INSTANCE);
            world.updates().of(bob).dropNext(2);
            sendTexts(alice, bob, 4);
            assertThat(ptsOf(b.awaitPushed(2))).as("the first two never came").containsExactly(4, 5);
            assertThat(world.updates().of(bob).dropped()).isEqualTo(2);
            assertThat(world.updates().state(bob).pts()).as("the state advanced anyway").isEqualTo(5);
            Difference d = (Difference) b.call(new GetDifference(start.pts(), null, null, start.date(), 0, null));
            assertThat(d.newMessages()).extracting(m -> ((Message) m).message()).containsExactly("m0", "m1", "m2", "m3");
        }
    }

    @Test
    void duplicatedReorderedHeldAndReleasedPushes() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient b = people.signedIn(bob)) {
            world.updates().of(bob).duplicateNext(1);
            sendTexts(alice, bob, 2);
            assertThat(ptsOf(b.awaitPushed(3))).containsExactly(2, 2, 3);
            b.clearPushed();

            world.updates().of(bob).reorderNext(1);
            sendTexts(alice, bob, 3);
            assertThat(ptsOf(b.awaitPushed(3))).as("one held back until after the next").containsExactly(5, 4, 6);
            b.clearPushed();

            world.updates().of(bob).hold();
            sendTexts(alice, bob, 3);
            assertThat(b.pushed()).as("held, as on a slow link").isEmpty();
            world.updates().of(bob).release();
            assertThat(ptsOf(b.awaitPushed(3))).containsExactly(7, 8, 9);
        }
    }

    private static final dev.mtproto.tl.api.ReplyMarkup KEYBOARD = new dev.mtproto.tl.api.ReplyInlineMarkup(List.of(
            new dev.mtproto.tl.api.KeyboardButtonRow(List.of(new dev.mtproto.tl.api.KeyboardButtonCallback(false, null, "Yes", new byte[] {1})))));

    /** The short forms have no reply_markup (https://core.telegram.org/constructor/updateShortMessage): full updates, with seq. */
    @Test
    void aMessageWithAKeyboardComesAsUpdatesWithTheNextSeqAndCanBeCombined() {
        Account alice = people.person("Alice");
        Account bot = people.bot("Keys");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bot)) {
            State before = (State) a.call(GetState.INSTANCE);
            var send = dev.mtproto.tl.api.messages.SendMessage.builder().peer(WorldPeople.inputUser(b, alice)).message("choose")
                    .randomId(1).replyMarkup(KEYBOARD).build();
            Updates result = (Updates) b.call(send);
            assertThat(result.seq()).as("the bot's next seq").isEqualTo(2);
            assertThat(result.updates().get(0)).isInstanceOf(dev.mtproto.tl.api.UpdateMessageID.class);
            Updates got = (Updates) a.awaitPushed(1).get(0);
            assertThat(got.seq()).isEqualTo(before.seq() + 1);
            var m = (Message) ((dev.mtproto.tl.api.UpdateNewMessage) got.updates().get(0)).message();
            assertThat(m.replyMarkup()).isEqualTo(KEYBOARD);
            assertThat(got.users()).extracting(u -> ((dev.mtproto.tl.api.User) u).id()).containsExactly(bot.id(), alice.id());
            assertThat(((State) a.call(GetState.INSTANCE)).seq()).isEqualTo(before.seq() + 1);

            a.clearPushed();
            world.updates().of(alice).combineNext(2);
            world.send(bot).to(alice).replyMarkup(KEYBOARD).text("one");
            world.send(bot).to(alice).text("plain goes on meanwhile");
            world.send(bot).to(alice).replyMarkup(KEYBOARD).text("two");
            List<UpdatesType> pushes = a.awaitPushed(2);
            assertThat(pushes.get(0)).isInstanceOf(UpdateShortMessage.class);
            var combined = (dev.mtproto.tl.api.UpdatesCombined) pushes.get(1);
            assertThat(combined.seqStart()).isEqualTo(before.seq() + 2);
            assertThat(combined.seq()).isEqualTo(before.seq() + 3);
            assertThat(combined.updates()).hasSize(2);
            assertThat(combined.users()).hasSize(2);

            a.clearPushed();
            world.updates().tooLong(alice);
            assertThat(a.awaitPushed(1)).containsExactly(dev.mtproto.tl.api.UpdatesTooLong.INSTANCE);
        }
    }

    @Test
    void randomFaultsAreTheSameForTheSameSeed() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        try (WorldClient b = people.signedIn(bob); WorldClient c = people.signedIn(carol)) {
            world.updates().of(bob).random(42, 0.2, 0.2, 0.2);
            world.updates().of(carol).random(42, 0.2, 0.2, 0.2);
            sendTexts(alice, bob, 40);
            sendTexts(alice, carol, 40);
            assertThat(world.updates().of(bob).dropped()).isPositive().isEqualTo(world.updates().of(carol).dropped());
            assertThat(world.updates().of(bob).duplicated()).isPositive();
            long expected = 40 - world.updates().of(bob).dropped() + world.updates().of(bob).duplicated();
            List<Integer> bobs = ptsOf(b.awaitPushed((int) expected));
            assertThat(ptsOf(c.awaitPushed((int) expected))).isEqualTo(bobs);
            world.updates().of(bob).clear();
            world.updates().of(carol).clear();
        }
    }

    @Test
    void aScriptedUserWritesToABotAndInAChannelAndTheHistoryRecordsItAll() {
        Account alice = people.person("Alice");
        Account bot = people.bot("Echo");
        WorldChat channel = world.newChannel("Announcements").username("ann_1666").creator(alice).members(bot).create();
        try (WorldClient b = people.signedIn(bot); WorldClient a = people.signedIn(alice)) {
            world.send(alice).to(bot).text("/start");
            world.send(alice).to(channel).text("hello subscribers");
            List<UpdatesType> toBot = b.awaitPushed(2);
            assertThat(((UpdateShortMessage) toBot.get(0)).message()).isEqualTo("/start");
            assertThat(((UpdateNewChannelMessage) ((Updates) toBot.get(1)).updates().get(0)).pts()).isEqualTo(2);
            List<UpdatesType> toAlice = a.awaitPushed(2);
            assertThat(((UpdateShortMessage) toAlice.get(0)).out()).as("sent from her other app").isTrue();
            assertThat(world.history(bot)).extracting(h -> h.text()).containsExactly("/start", "hello subscribers");
            assertThat(world.history(bot)).extracting(h -> h.channelId()).containsExactly(0L, channel.id());
        }
    }

    @Test
    void bulkMessagesReachEveryMemberInOrder() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        WorldChat group = world.newGroup("Bulk").members(alice, bob).create();
        WorldChat sg = world.newSupergroup("Bulk sg").members(alice, bob).create();
        int n = 3000;
        try (WorldClient b = people.signedIn(bob)) {
            world.bulk(n).in(group, sg).between(alice, bob).seed(3).send();
            assertThat(world.history(bob)).hasSize(n);
            // scripted senders write from another app: bob's key gets his own messages pushed too
            List<UpdatesType> pushes = b.awaitPushed(n);
            assertThat(pushes).hasSize(n);
            List<Integer> commonPts = pushes.stream().filter(u -> !(u instanceof Updates)).map(PushFaultsTest::commonPts).toList();
            assertThat(commonPts).as("bob's common box in order, no gap").isSorted().doesNotHaveDuplicates();
            assertThat(commonPts.get(commonPts.size() - 1)).isEqualTo(world.updates().state(bob).pts());
        }
    }

    private static int commonPts(UpdatesType u) {
        return u instanceof UpdateShortMessage m ? m.pts() : ((dev.mtproto.tl.api.UpdateShortChatMessage) u).pts();
    }
}
