package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldPeople.inputPeerChannel;
import static dev.mtproto.testkit.world.WorldPeople.inputUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageActionPinMessage;
import dev.mtproto.tl.api.MessageFwdHeader;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.SendMessageTypingAction;
import dev.mtproto.tl.api.UpdateDeleteChannelMessages;
import dev.mtproto.tl.api.UpdateDeleteMessages;
import dev.mtproto.tl.api.UpdateEditChannelMessage;
import dev.mtproto.tl.api.UpdateEditMessage;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdatePinnedMessages;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.UpdateUserTyping;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.messages.AffectedMessages;
import dev.mtproto.tl.api.messages.DeleteMessages;
import dev.mtproto.tl.api.messages.EditMessage;
import dev.mtproto.tl.api.messages.ForwardMessages;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.tl.api.messages.SetTyping;
import dev.mtproto.tl.api.messages.UpdatePinnedMessage;
import dev.mtproto.tl.api.updates.Difference;
import dev.mtproto.tl.api.updates.GetDifference;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Edits, deletions, pins, forwards and typing over real MTProto, and what each side gets
 * (https://core.telegram.org/method/messages.editMessage, https://core.telegram.org/method/messages.deleteMessages,
 * https://core.telegram.org/method/channels.deleteMessages, https://core.telegram.org/api/pin,
 * https://core.telegram.org/method/messages.forwardMessages, https://core.telegram.org/method/messages.setTyping).
 */
class MessageChangesTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1446");
    }

    @Test
    void anEditReachesEachCopyWithItsOwnIdAndPts() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        world.send(bob).to(people.person("Carol")).text("bob's ids run ahead");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            InputPeerUser toBob = inputUser(a, bob);
            UpdateShortSentMessage sent = (UpdateShortSentMessage) a.call(SendMessage.builder().peer(toBob).message("helo").randomId(1).build());
            UpdateShortMessage got = (UpdateShortMessage) b.awaitPushed(1).get(0);

            Updates mine = (Updates) a.call(EditMessage.builder().peer(toBob).id(sent.id()).message("hello").build());
            UpdateEditMessage myEdit = (UpdateEditMessage) mine.updates().get(0);
            assertThat(((Message) myEdit.message()).message()).isEqualTo("hello");
            assertThat(((Message) myEdit.message()).editDate()).isNotNull();
            assertThat(myEdit.pts()).isEqualTo(sent.pts() + 1);

            UpdateEditMessage theirs = (UpdateEditMessage) ((Updates) b.awaitPushed(2).get(1)).updates().get(0);
            assertThat(((Message) theirs.message()).id()).as("bob's own id").isEqualTo(got.id());
            assertThat(theirs.pts()).isEqualTo(got.pts() + 1);

            assertError(a.error(EditMessage.builder().peer(toBob).id(sent.id()).message("hello").build()), 400, "MESSAGE_NOT_MODIFIED");
            assertError(b.error(EditMessage.builder().peer(inputUser(b, alice)).id(got.id()).message("mine now").build()), 403,
                    "MESSAGE_AUTHOR_REQUIRED");
            assertError(a.error(EditMessage.builder().peer(toBob).id(999).message("x").build()), 400, "MESSAGE_ID_INVALID");

            Difference d = (Difference) b.call(GetDifference.builder().pts(got.pts()).date(0).qts(0).build());
            assertThat(d.otherUpdates()).as("the edit is an event of bob's box").singleElement().isInstanceOf(UpdateEditMessage.class);
        }
    }

    @Test
    void deletingForEveryoneReachesTheOtherSideAndForMeOnlyDoesNot() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            InputPeerUser toBob = inputUser(a, bob);
            int first = ((UpdateShortSentMessage) a.call(SendMessage.builder().peer(toBob).message("one").randomId(1).build())).id();
            int second = ((UpdateShortSentMessage) a.call(SendMessage.builder().peer(toBob).message("two").randomId(2).build())).id();
            b.awaitPushed(2);
            AffectedMessages onlyMine = (AffectedMessages) a.call(DeleteMessages.builder().id(List.of(first)).build());
            assertThat(onlyMine.ptsCount()).isEqualTo(1);
            AffectedMessages both = (AffectedMessages) a.call(DeleteMessages.builder().revoke(true).id(List.of(second)).build());
            assertThat(both.pts()).isEqualTo(onlyMine.pts() + 1);
            UpdateShort pushed = (UpdateShort) b.awaitPushed(3).get(2);
            UpdateDeleteMessages deleted = (UpdateDeleteMessages) pushed.update();
            assertThat(deleted.messages()).as("bob's id of the second message").hasSize(1);
            assertThat(world.as(bob).current(world.history(bob).get(0))).as("the first stays for bob").isPresent();
            assertThat(world.as(bob).current(world.history(bob).get(1))).isEmpty();
        }
    }

    @Test
    void aSupergroupEditAndDeletionGoToEveryMemberWithTheChannelsPts() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        var lounge = world.newSupergroup("Lounge").username("lounge1446a").members(alice, bob).create();
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            InputPeerChannel peer = inputPeerChannel(a, "lounge1446a");
            Updates sent = (Updates) a.call(SendMessage.builder().peer(peer).message("hi all").randomId(1).build());
            int id = ((UpdateMessageID) sent.updates().get(0)).id();
            b.awaitPushed(1);
            a.call(EditMessage.builder().peer(peer).id(id).message("hi everyone").build());
            UpdateEditChannelMessage edit = (UpdateEditChannelMessage) ((Updates) b.awaitPushed(2).get(1)).updates().get(0);
            assertThat(((Message) edit.message()).out()).isFalse();
            assertThat(edit.pts()).isEqualTo(world.updates().channelPts(lounge));
            assertError(b.error(new dev.mtproto.tl.api.channels.DeleteMessages(inputChannel(b), List.of(id))), 403, "MESSAGE_DELETE_FORBIDDEN");
            a.call(new dev.mtproto.tl.api.channels.DeleteMessages(new InputChannel(peer.channelId(), peer.accessHash()), List.of(id)));
            UpdateDeleteChannelMessages gone = (UpdateDeleteChannelMessages) ((Updates) b.awaitPushed(3).get(2)).updates().get(0);
            assertThat(gone.messages()).containsExactly(id);
        }
    }

    private static InputChannel inputChannel(WorldClient c) {
        return WorldPeople.inputChannel(c, "lounge1446a");
    }

    @Test
    void aPinComesWithItsServiceMessageAndTypingWithNoPts() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            InputPeerUser toBob = inputUser(a, bob);
            int id = ((UpdateShortSentMessage) a.call(SendMessage.builder().peer(toBob).message("pin me").randomId(1).build())).id();
            b.awaitPushed(1);
            Updates mine = (Updates) a.call(UpdatePinnedMessage.builder().peer(toBob).id(id).build());
            assertThat(mine.updates().get(0)).isInstanceOf(UpdatePinnedMessages.class);
            Updates theirs = (Updates) b.awaitPushed(2).get(1);
            UpdatePinnedMessages pinned = (UpdatePinnedMessages) theirs.updates().get(0);
            assertThat(pinned.pinned()).isTrue();
            assertThat(pinned.peer()).isEqualTo(new PeerUser(alice.id()));
            MessageService service = (MessageService) ((UpdateNewMessage) theirs.updates().get(1)).message();
            assertThat(service.action()).isEqualTo(MessageActionPinMessage.INSTANCE);
            assertThat(service.id()).isEqualTo(world.history(bob).get(1).id());

            a.call(new SetTyping(toBob, null, SendMessageTypingAction.INSTANCE));
            UpdateUserTyping typing = (UpdateUserTyping) ((UpdateShort) b.awaitPushed(3).get(2)).update();
            assertThat(typing.userId()).isEqualTo(alice.id());
        }
    }

    @Test
    void aForwardCarriesTheOriginalSenderAndDate() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        world.send(bob).to(alice).text("worth sharing");
        try (WorldClient a = people.signedIn(alice); WorldClient c = people.signedIn(carol)) {
            InputPeerUser fromBob = inputUser(a, bob);
            Updates result = (Updates) a.call(ForwardMessages.builder().fromPeer(fromBob).id(List.of(world.history(alice).get(0).id()))
                    .randomId(List.of(42L)).toPeer(inputUser(a, carol)).build());
            assertThat(((UpdateMessageID) result.updates().get(0)).randomId()).isEqualTo(42L);
            Message copy = (Message) ((UpdateNewMessage) result.updates().get(1)).message();
            assertThat(((MessageFwdHeader) copy.fwdFrom()).fromId()).isEqualTo(new PeerUser(bob.id()));
            UpdateShortMessage theirs = (UpdateShortMessage) c.awaitPushed(1).get(0);
            assertThat(theirs.message()).isEqualTo("worth sharing");
            assertThat(((MessageFwdHeader) theirs.fwdFrom()).fromId()).isEqualTo(new PeerUser(bob.id()));
        }
    }

    @Test
    void aScriptedUserEditsAndPins() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient b = people.signedIn(bob)) {
            world.send(alice).to(bob).text("draft");
            b.awaitPushed(1);
            world.as(alice).edit(world.history(alice).get(0), "final");
            UpdateEditMessage edit = (UpdateEditMessage) ((Updates) b.awaitPushed(2).get(1)).updates().get(0);
            assertThat(((Message) edit.message()).message()).isEqualTo("final");
            world.as(alice).pin(world.history(alice).get(0));
            assertThat(((Updates) b.awaitPushed(3).get(2)).updates().get(0)).isInstanceOf(UpdatePinnedMessages.class);
            assertThat(world.as(bob).current(world.history(bob).get(0)).orElseThrow().pinned()).isTrue();
        }
    }
}
