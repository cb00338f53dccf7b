package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.bots.CallbackAnswer;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.KeyboardButtonCallback;
import dev.mtproto.tl.api.KeyboardButtonRow;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.ReplyInlineMarkup;
import dev.mtproto.tl.api.UpdateBotCallbackQuery;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.messages.SetBotCallbackAnswer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Button presses of scripted users and the bots' answers over real MTProto
 * (https://core.telegram.org/api/bots/buttons#callback-queries, https://core.telegram.org/method/messages.setBotCallbackAnswer).
 */
class CallbackQueryTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1557");
    }

    private static ReplyInlineMarkup yesNo() {
        return new ReplyInlineMarkup(List.of(new KeyboardButtonRow(List.of(
                KeyboardButtonCallback.builder().text("Yes").data("yes".getBytes(StandardCharsets.UTF_8)).build(),
                KeyboardButtonCallback.builder().text("No").data("no".getBytes(StandardCharsets.UTF_8)).build()))));
    }

    private static List<HistoryEntry> last(Account account) {
        List<HistoryEntry> h = world.history(account);
        return List.of(h.get(h.size() - 1));
    }

    @Test
    void aPressInAPrivateChatReachesTheBotWithItsOwnMessageIdAndTheUser() {
        Account alice = people.person("Alice");
        Account bot = people.bot("Poll");
        world.send(bot).to(people.person("Carol")).text("the bot's ids run ahead");
        try (WorldClient b = people.signedIn(bot)) {
            world.send(bot).to(alice).replyMarkup(yesNo()).text("agree?");
            b.awaitPushed(1);
            HistoryEntry mine = last(alice).get(0);
            HistoryEntry botsCopy = last(bot).get(0);
            assertThat(botsCopy.id()).as("the copies' ids differ").isNotEqualTo(mine.id());

            long queryId = world.as(alice).press(mine, "no");
            Updates pushed = (Updates) b.awaitPushed(2).get(1);
            UpdateBotCallbackQuery q = (UpdateBotCallbackQuery) pushed.updates().get(0);
            assertThat(q.queryId()).isEqualTo(queryId);
            assertThat(q.userId()).isEqualTo(alice.id());
            assertThat(q.peer()).isEqualTo(new PeerUser(alice.id()));
            assertThat(q.msgId()).as("the bot's own id of the message").isEqualTo(botsCopy.id());
            assertThat(new String(q.data(), StandardCharsets.UTF_8)).isEqualTo("no");
            assertThat(pushed.seq()).as("no seq: https://core.telegram.org/api/updates").isZero();
            assertThat(pushed.users()).singleElement().satisfies(u -> assertThat(((User) u).id()).isEqualTo(alice.id()));

            long again = world.as(alice).pressButton(mine, "Yes");
            UpdateBotCallbackQuery q2 = (UpdateBotCallbackQuery) ((Updates) b.awaitPushed(3).get(2)).updates().get(0);
            assertThat(q2.queryId()).isEqualTo(again).isNotEqualTo(queryId);
            assertThat(q2.chatInstance()).as("one chat_instance per chat").isEqualTo(q.chatInstance());

            assertThat(world.botQueries().callbackAnswer(queryId)).isEmpty();
            assertThat(b.call(SetBotCallbackAnswer.builder().queryId(queryId).alert(true).message("noted").cacheTime(5).build())).isEqualTo(true);
            assertThat(world.botQueries().callbackAnswer(queryId)).contains(new CallbackAnswer(true, "noted", null, 5));
            assertError(b.error(SetBotCallbackAnswer.builder().queryId(queryId).cacheTime(0).build()), 400, "QUERY_ID_INVALID");
            assertError(b.error(SetBotCallbackAnswer.builder().queryId(12345).cacheTime(0).build()), 400, "QUERY_ID_INVALID");
            try (WorldClient a = people.signedIn(alice)) {
                assertError(a.error(SetBotCallbackAnswer.builder().queryId(again).cacheTime(0).build()), 400, "USER_BOT_REQUIRED");
            }
        }
    }

    @Test
    void aPressInASupergroupNamesTheChannelAndItsMessageId() {
        Account alice = people.person("Alice");
        Account bot = people.bot("Vote");
        var lounge = world.newSupergroup("Votes").members(alice, bot).create();
        try (WorldClient b = people.signedIn(bot)) {
            world.send(bot).to(lounge).replyMarkup(yesNo()).text("vote");
            int before = b.awaitPushed(1).size();
            HistoryEntry mine = last(alice).get(0);
            world.as(alice).press(mine, "yes");
            List<UpdatesType> got = b.awaitPushed(before + 1);
            Updates pushed = (Updates) got.get(got.size() - 1);
            UpdateBotCallbackQuery q = (UpdateBotCallbackQuery) pushed.updates().get(0);
            assertThat(q.peer()).isEqualTo(new PeerChannel(lounge.id()));
            assertThat(q.msgId()).isEqualTo(mine.id());
            assertThat(pushed.chats()).singleElement().satisfies(c -> assertThat(((Channel) c).id()).isEqualTo(lounge.id()));
        }
    }

    @Test
    void pressingWhatIsNoBotButtonIsRefusedWithWhatIsWrong() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account bot = people.bot("Quiz");
        world.send(bob).to(alice).replyMarkup(yesNo()).text("from a person");
        HistoryEntry fromBob = last(alice).get(0);
        assertThatThrownBy(() -> world.as(alice).press(fromBob, "yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not sent by a bot");
        world.send(bot).to(alice).replyMarkup(yesNo()).text("pick");
        HistoryEntry fromBot = last(alice).get(0);
        assertThatThrownBy(() -> world.as(alice).press(fromBot, "maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no inline callback button with data \"maybe\"");
        world.send(bot).to(alice).text("plain");
        HistoryEntry plain = last(alice).get(0);
        assertThatThrownBy(() -> world.as(alice).pressButton(plain, "Yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text \"Yes\"");
    }
}
