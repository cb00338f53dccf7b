package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.messages.keyboard.InlineKeyboard;
import dev.mtproto.telegram.ChosenInlineResultView;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.tl.api.InputBotInlineMessageID;
import dev.mtproto.tl.api.InputBotInlineMessageText;
import dev.mtproto.tl.api.InputBotInlineResult;
import dev.mtproto.tl.api.Message;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user picks one of the bot's inline results: the message goes into the chat with {@code via_bot_id} and the bot
 * gets {@code updateBotInlineSend} (https://core.telegram.org/constructor/updateBotInlineSend) as a typed view.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChosenInlineResultTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static InputBotInlineResult article(String id, String text, boolean keyboard) {
        InputBotInlineMessageText.Builder message = InputBotInlineMessageText.builder().message(text);
        if (keyboard) {
            message.replyMarkup(InlineKeyboard.builder().row(r -> r.callback("Vote", "v")).build());
        }
        return InputBotInlineResult.builder().id(id).type("article").title(text).sendMessage(message.build()).build();
    }

    @Test
    void theChosenResultIsSentIntoTheChatAndTheBotIsTold() throws InterruptedException {
        Account botAccount = world().newBot("chosen_bot").create();
        Account alice = world().newUser("+17850000001").name("Alice").create();
        Account bob = world().newUser("+17850000002").name("Bob").create();
        WorldChat group = world().newGroup("Inline here").members(alice, bob).create();
        Queue<ChosenInlineResultView> chosen = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = Clients.bot(TELEGRAM.cluster())) {
            bot.onInlineQuery(q -> q.answer(List.of(article("plain", "Plain " + q.text(), false), article("poll", "Poll " + q.text(), true)),
                    Duration.ZERO, null).join());
            bot.onChosenInlineResult(chosen::add);
            bot.startBot(botAccount.botToken()).join();
            long first = world().as(alice).inlineQuery(botAccount, "lunch", "", group);
            Clients.await(() -> world().botQueries().inlineResults(first).isPresent(), "the results");
            world().as(alice).chooseInlineResult(first, "plain");
            Clients.await(() -> !chosen.isEmpty(), "the chosen result");
            ChosenInlineResultView plain = chosen.poll();
            assertThat(plain.resultId()).isEqualTo("plain");
            assertThat(plain.query()).isEqualTo("lunch");
            assertThat(plain.userId()).isEqualTo(alice.id());
            assertThat(plain.user()).hasValueSatisfying(u -> assertThat(u.firstName()).isEqualTo("Alice"));
            assertThat(plain.messageId()).as("no keyboard, no inline message id").isEmpty();
            HistoryEntry atBob = world().history(bob).stream().filter(e -> e.text().equals("Plain lunch")).findFirst().orElseThrow();
            assertThat(((Message) atBob.message()).viaBotId()).isEqualTo(botAccount.id());

            world().as(alice).chooseInlineResult(first, "poll");
            Clients.await(() -> !chosen.isEmpty(), "the second choice");
            assertThat(chosen.poll().messageId()).hasValueSatisfying(id -> assertThat(id).isInstanceOf(InputBotInlineMessageID.class));
            Assertions.assertThrows(IllegalArgumentException.class, () -> world().as(alice).chooseInlineResult(first, "missing"));
            Assertions.assertThrows(IllegalArgumentException.class, () -> world().as(bob).chooseInlineResult(first, "plain"));
        }
    }
}
