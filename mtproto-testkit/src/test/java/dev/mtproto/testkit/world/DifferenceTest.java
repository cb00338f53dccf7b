package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldPeople.inputChannel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.ChannelMessagesFilterEmpty;
import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.updates.ChannelDifference;
import dev.mtproto.tl.api.updates.ChannelDifferenceEmpty;
import dev.mtproto.tl.api.updates.ChannelDifferenceTooLong;
import dev.mtproto.tl.api.updates.Difference;
import dev.mtproto.tl.api.updates.DifferenceEmpty;
import dev.mtproto.tl.api.updates.DifferenceSlice;
import dev.mtproto.tl.api.updates.DifferenceTooLong;
import dev.mtproto.tl.api.updates.GetChannelDifference;
import dev.mtproto.tl.api.updates.GetDifference;
import dev.mtproto.tl.api.updates.GetState;
import dev.mtproto.tl.api.updates.State;
import dev.mtproto.tl.api.updates.StateType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code updates.getDifference} and {@code updates.getChannelDifference} answered from the accounts' real
 * state (https://core.telegram.org/method/updates.getDifference,
 * https://core.telegram.org/method/updates.getChannelDifference): each answer, slices chained to the end,
 * too-long answers past the limits, and the errors for bad pts.
 */
class DifferenceTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1555");
    }

    private static GetDifference from(State s) {
        return new GetDifference(s.pts(), null, null, s.date(), s.qts(), null);
    }

    private static List<String> texts(List<MessageType> messages) {
        return messages.stream().map(m -> ((Message) m).message()).toList();
    }

    @Test
    void differenceIsEmptyThenFullWithTheSendersAndTheNewState() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient b = people.signedIn(bob)) {
            State start = (State) b.call(GetState.INSTANCE);
            assertThat(b.call(from(start))).isEqualTo(new DifferenceEmpty(((DifferenceEmpty) b.call(from(start))).date(), start.seq()));
            world.send(alice).to(bob).text("one");
            world.send(alice).to(bob).text("two");
            Difference d = (Difference) b.call(from(start));
            assertThat(texts(d.newMessages())).containsExactly("one", "two");
            assertThat(d.users()).extracting(u -> ((User) u).id()).containsExactly(alice.id());
            State after = (State) d.state();
            assertThat(after.pts()).isEqualTo(start.pts() + 2);
            State now = (State) b.call(GetState.INSTANCE);
            assertThat(new int[] {after.pts(), after.qts(), after.seq()}).containsExactly(now.pts(), now.qts(), now.seq());
            assertThat(b.call(from(after))).isInstanceOf(DifferenceEmpty.class);
        }
    }

    @Test
    void aLongDifferenceComesInSlicesChainedToTheEnd() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient b = people.signedIn(bob)) {
            State start = (State) b.call(GetState.INSTANCE);
            world.updates().limits().slice(10);
            world.bulk(25).between(alice, bob).send();
            List<String> got = new ArrayList<>();
            StateType state = start;
            int slices = 0;
            while (true) {
                Object d = b.call(from((State) state));
                if (d instanceof DifferenceSlice s) {
                    slices++;
                    assertThat(s.newMessages()).hasSize(10);
                    got.addAll(texts(s.newMessages()));
                    state = s.intermediateState();
                } else {
                    Difference last = (Difference) d;
                    got.addAll(texts(last.newMessages()));
                    state = last.state();
                    break;
                }
            }
            assertThat(slices).isEqualTo(2); // 25 messages between the two: all 25 in bob's box, 10 + 10 + 5
            assertThat(got).containsExactlyElementsOf(world.history(bob).stream().map(h -> h.text()).toList());
            assertThat(((State) state).pts()).isEqualTo(world.updates().state(bob).pts());
            // the client's own pts_limit cuts smaller slices
            Object small = b.call(new GetDifference(start.pts(), 3, null, start.date(), 0, null));
            assertThat(((DifferenceSlice) small).newMessages()).hasSize(3);
            assertThat(((State) ((DifferenceSlice) small).intermediateState()).pts()).isEqualTo(start.pts() + 3);
        }
    }

    @Test
    void aGapPastTheLimitIsTooLong() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient b = people.signedIn(bob)) {
            State start = (State) b.call(GetState.INSTANCE);
            world.bulk(6).between(alice, bob).send(); // 6 in bob's box
            int remote = world.updates().state(bob).pts();
            assertThat(b.call(new GetDifference(start.pts(), null, 2, start.date(), 0, null))).as("pts_total_limit")
                    .isEqualTo(new DifferenceTooLong(remote));
            assertThat(b.call(new GetDifference(start.pts(), null, 6, start.date(), 0, null))).isInstanceOf(Difference.class);
            world.updates().limits().tooLong(2);
            assertThat(b.call(from(start))).isEqualTo(new DifferenceTooLong(remote));
            // https://core.telegram.org/method/updates.getDifference#possible-errors
            assertError(b.error(new GetDifference(0, null, null, start.date(), 0, null)), 400, "PERSISTENT_TIMESTAMP_EMPTY");
            assertError(b.error(new GetDifference(remote + 1, null, null, start.date(), 0, null)), 400, "PERSISTENT_TIMESTAMP_INVALID");
        }
    }

    @Test
    void channelDifferenceIsEmptyFullOrTooLongWithTheDialog() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        WorldChat sg = world.newSupergroup("Cafe").username("cafe_1555").members(alice, bob).create();
        try (WorldClient b = people.signedIn(bob)) {
            InputChannel channel = inputChannel(b, "cafe_1555");
            ChannelDifferenceEmpty empty = (ChannelDifferenceEmpty) b.call(new GetChannelDifference(false, channel,
                    ChannelMessagesFilterEmpty.INSTANCE, 1, 100));
            assertThat(empty).isEqualTo(new ChannelDifferenceEmpty(true, 1, 30));
            world.bulk(5).in(sg).send();
            ChannelDifference d = (ChannelDifference) b.call(new GetChannelDifference(false, channel, ChannelMessagesFilterEmpty.INSTANCE, 1, 100));
            assertThat(d.final_()).isTrue();
            assertThat(d.pts()).isEqualTo(6);
            assertThat(d.timeout()).isEqualTo(30);
            assertThat(texts(d.newMessages())).containsExactly("bulk 0", "bulk 1", "bulk 2", "bulk 3", "bulk 4");
            assertThat(d.newMessages()).extracting(m -> ((Message) m).out()).containsExactly(false, true, false, true, false);
            assertThat(d.chats()).singleElement().satisfies(c -> assertThat(((Channel) c).accessHash()).isEqualTo(channel.accessHash()));
            assertThat(d.users()).extracting(u -> ((User) u).id()).containsExactlyInAnyOrder(alice.id(), bob.id());

            // a person whose gap is over the limit gets the latest messages and the dialog to restart from
            ChannelDifferenceTooLong tooLong = (ChannelDifferenceTooLong) b.call(new GetChannelDifference(false, channel,
                    ChannelMessagesFilterEmpty.INSTANCE, 2, 3));
            assertThat(tooLong.final_()).isTrue();
            assertThat(texts(tooLong.messages())).containsExactly("bulk 2", "bulk 3", "bulk 4");
            Dialog dialog = (Dialog) tooLong.dialog();
            assertThat(dialog.pts()).isEqualTo(6);
            assertThat(dialog.topMessage()).isEqualTo(5);
            world.updates().limits().channelTooLong(2);
            assertThat(b.call(new GetChannelDifference(false, channel, ChannelMessagesFilterEmpty.INSTANCE, 3, 100)))
                    .isInstanceOf(ChannelDifferenceTooLong.class);
            assertError(b.error(new GetChannelDifference(false, channel, ChannelMessagesFilterEmpty.INSTANCE, 7, 100)), 400,
                    "PERSISTENT_TIMESTAMP_INVALID");
        }
    }

    @Test
    void aBotGetsChannelDifferenceInSlicesUntilFinal() {
        Account alice = people.person("Alice");
        Account bot = people.bot("Watcher");
        WorldChat sg = world.newSupergroup("Bots welcome").username("botsok_1555").members(alice, bot).create();
        world.bulk(7).in(sg).text("m").send();
        try (WorldClient b = people.signedIn(bot)) {
            assertError(b.error(new dev.mtproto.tl.api.channels.GetChannels(List.of(new InputChannel(sg.id(), 0)))), 400, "CHANNEL_INVALID");
            InputChannel channel = inputChannel(b, "botsok_1555");
            List<String> got = new ArrayList<>();
            int pts = 1;
            int calls = 0;
            boolean fin = false;
            while (!fin) {
                ChannelDifference d = (ChannelDifference) b.call(new GetChannelDifference(false, channel, ChannelMessagesFilterEmpty.INSTANCE, pts, 3));
                got.addAll(texts(d.newMessages()));
                pts = d.pts();
                fin = d.final_();
                calls++;
            }
            assertThat(calls).isEqualTo(3);
            assertThat(got).hasSize(7).startsWith("m 0").endsWith("m 6");
            assertThat(pts).isEqualTo(world.updates().channelPts(sg));
        }
    }

    /** qts: https://core.telegram.org/api/updates, https://core.telegram.org/constructor/updateBotStopped */
    @Test
    void aBotLearnsOfBeingBlockedByItsQts() {
        Account alice = people.person("Alice");
        Account bot = people.bot("Stoppable");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bot)) {
            State start = (State) b.call(GetState.INSTANCE);
            assertThat(start.qts()).isZero();
            assertThat(a.call(new dev.mtproto.tl.api.contacts.Block(false, WorldPeople.inputUser(a, bot)))).isEqualTo(true);
            var pushed = (dev.mtproto.tl.api.Updates) b.awaitPushed(1).get(0);
            assertThat(pushed.updates()).containsExactly(new dev.mtproto.tl.api.UpdateBotStopped(alice.id(), pushed.date(), true, 1));
            assertThat(pushed.users()).extracting(u -> ((User) u).id()).containsExactly(alice.id());
            // https://core.telegram.org/method/messages.sendMessage#possible-errors
            assertError(b.error(dev.mtproto.tl.api.messages.SendMessage.builder().peer(WorldPeople.inputUser(b, alice)).message("hey")
                    .randomId(3).build()), 400, "USER_IS_BLOCKED");
            world.block(alice, bot, false);
            assertThat(((State) b.call(GetState.INSTANCE)).qts()).isEqualTo(2);

            Difference d = (Difference) b.call(from(start));
            assertThat(d.newMessages()).isEmpty();
            assertThat(d.otherUpdates()).extracting(u -> ((dev.mtproto.tl.api.UpdateBotStopped) u).stopped()).containsExactly(true, false);
            assertThat(d.users()).extracting(u -> ((User) u).id()).containsExactly(alice.id());
            assertThat(((State) d.state()).qts()).isEqualTo(2);
            assertThat(b.call(new GetDifference(start.pts(), null, null, start.date(), 2, null))).isInstanceOf(DifferenceEmpty.class);
            world.updates().limits().slice(1);
            DifferenceSlice first = (DifferenceSlice) b.call(from(start));
            assertThat(((State) first.intermediateState()).qts()).isEqualTo(1);
        }
    }

    @Test
    void aPrivateChannelIsClosedToWhoLeftIt() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        WorldChat secret = world.newSupergroup("Secret").members(alice, bob).create();
        try (WorldClient b = people.signedIn(bob)) {
            world.send(alice).to(secret).text("hello");
            Channel c = (Channel) ((dev.mtproto.tl.api.Updates) b.awaitPushed(1).get(0)).chats().get(0);
            InputChannel mine = new InputChannel(c.id(), c.accessHash());
            assertThat(b.call(new dev.mtproto.tl.api.channels.GetChannels(List.of(mine)))).isInstanceOf(dev.mtproto.tl.api.messages.Chats.class);
            world.chats().removeMember(secret, bob);
            // https://core.telegram.org/method/updates.getChannelDifference#possible-errors
            assertError(b.error(new GetChannelDifference(false, mine, ChannelMessagesFilterEmpty.INSTANCE, 1, 10)), 406, "CHANNEL_PRIVATE");
            assertError(b.error(new dev.mtproto.tl.api.channels.GetChannels(List.of(mine))), 406, "CHANNEL_PRIVATE");
        }
    }
}
