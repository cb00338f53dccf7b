package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldPeople.inputUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputReplyToMessage;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.MessageReplyHeader;
import dev.mtproto.tl.api.UpdateDeleteScheduledMessages;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewScheduledMessage;
import dev.mtproto.tl.api.UpdateShortChatMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.messages.GetHistory;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.SendMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a message keeps besides its text, in every form each recipient gets: entities, {@code reply_to}
 * (each copy names the replied message by its owner's id), {@code silent}, and scheduled messages
 * (https://core.telegram.org/method/messages.sendMessage, https://core.telegram.org/api/scheduled-messages).
 */
class MessageContentTest {
    private static final MutableClock CLOCK = new MutableClock();
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).clock(CLOCK));
    private static final List<MessageEntity> BOLD = List.of(new MessageEntityBold(0, 5));

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1445");
    }

    private static WorldClient signedIn(Account a) {
        WorldClient c = WorldClient.on(TELEGRAM.cluster(), a.homeDc(), CLOCK::millis);
        c.signInOn(a.homeDc(), "+" + a.phone());
        return c;
    }

    @Test
    void entitiesReplyAndSilentReachEveryForm() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        world.send(bob).to(carolOf()).text("warm-up"); // bob's ids run ahead of alice's
        try (WorldClient a = signedIn(alice); WorldClient b = signedIn(bob)) {
            InputPeerUser toBob = inputUser(a, bob);
            a.call(SendMessage.builder().peer(toBob).message("first").randomId(1).build());
            UpdateShortMessage first = (UpdateShortMessage) b.awaitPushed(1).get(0);
            Object result = a.call(SendMessage.builder().peer(toBob).message("hello world").randomId(2).entities(BOLD).silent(true)
                    .replyTo(InputReplyToMessage.builder().replyToMsgId(1).build()).build());
            assertThat(((UpdateShortSentMessage) result).entities()).as("the call's result echoes the entities").isEqualTo(BOLD);

            UpdateShortMessage theirs = (UpdateShortMessage) b.awaitPushed(2).get(1);
            assertThat(theirs.entities()).isEqualTo(BOLD);
            assertThat(theirs.silent()).isTrue();
            assertThat(((MessageReplyHeader) theirs.replyTo()).replyToMsgId()).as("bob's own id of the replied message")
                    .isEqualTo(first.id()).isNotEqualTo(1);

            Messages history = (Messages) a.call(new GetHistory(toBob, 0, 0, 0, 10, 0, 0, 0));
            Message mine = (Message) history.messages().get(0);
            assertThat(mine.entities()).isEqualTo(BOLD);
            assertThat(mine.silent()).isTrue();
            assertThat(((MessageReplyHeader) mine.replyTo()).replyToMsgId()).isEqualTo(1);
            assertError(a.error(SendMessage.builder().peer(toBob).message("x").randomId(3)
                    .replyTo(InputReplyToMessage.builder().replyToMsgId(999).build()).build()), 400, "REPLY_MESSAGE_ID_INVALID");
        }
    }

    private Account carolOf() {
        return people.person("Carol");
    }

    @Test
    void aGroupReplyCarriesEachMembersId() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        world.send(bob).to(alice).text("bob's box moves ahead");
        WorldChat team = world.newGroup("Team").members(alice, bob).create();
        try (WorldClient a = signedIn(alice); WorldClient b = signedIn(bob)) {
            InputPeerChat peer = new InputPeerChat(team.id());
            Updates sent = (Updates) a.call(SendMessage.builder().peer(peer).message("question").randomId(5).build());
            int aliceId = ((UpdateMessageID) sent.updates().get(0)).id();
            UpdateShortChatMessage q = (UpdateShortChatMessage) b.awaitPushed(1).get(0);
            b.call(SendMessage.builder().peer(peer).message("answer").randomId(6).entities(BOLD)
                    .replyTo(InputReplyToMessage.builder().replyToMsgId(q.id()).build()).build());
            UpdateShortChatMessage answer = (UpdateShortChatMessage) a.awaitPushed(1).get(0);
            assertThat(((MessageReplyHeader) answer.replyTo()).replyToMsgId()).isEqualTo(aliceId);
            assertThat(answer.entities()).isEqualTo(BOLD);
        }
    }

    @Test
    void aScheduledMessageWaitsForTheWorldsClock() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient a = signedIn(alice); WorldClient b = signedIn(bob)) {
            int at = (int) (CLOCK.millis() / 1000) + 60;
            Updates result = (Updates) a.call(SendMessage.builder().peer(inputUser(a, bob)).message("later").randomId(9).scheduleDate(at).build());
            assertThat(result.updates().get(0)).isInstanceOf(UpdateMessageID.class);
            Message scheduled = (Message) ((UpdateNewScheduledMessage) result.updates().get(1)).message();
            assertThat(scheduled.date()).isEqualTo(at);
            world.deliverScheduled();
            world.updates().awaitPushed(Duration.ofSeconds(5));
            assertThat(world.history(bob)).as("not yet").isEmpty();

            CLOCK.advance(Duration.ofSeconds(61));
            world.deliverScheduled();
            assertThat(((UpdateShortMessage) b.awaitPushed(1).get(0)).message()).isEqualTo("later");
            List<UpdatesType> mine = a.awaitPushed(2);
            assertThat(((Updates) mine.get(0)).updates().get(0)).isInstanceOf(UpdateDeleteScheduledMessages.class);
            assertThat(((UpdateShortMessage) mine.get(1)).out()).as("sent as from another device: every key gets it").isTrue();
            assertError(a.error(SendMessage.builder().peer(inputUser(a, bob)).message("too late").randomId(10)
                    .scheduleDate(at + 400 * 24 * 3600).build()), 400, "SCHEDULE_DATE_TOO_LATE");
        }
    }
}
