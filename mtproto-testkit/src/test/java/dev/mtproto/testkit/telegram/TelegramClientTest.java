package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.messages.format.FormattingException;
import dev.mtproto.peers.PeerNotFoundException;
import dev.mtproto.telegram.BotCommand;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.SentMessage;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The everyday API against the test DC's world: typed messages with their chat and sender, and sending. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TelegramClientTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static TelegramClient bot() {
        return Clients.bot(TELEGRAM.cluster());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Clients.await(condition, what);
    }

    private static TelegramClient signedIn(Account person) {
        return Clients.signedIn(TELEGRAM.cluster(), person);
    }

    private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
        return Assertions.assertThrows(CompletionException.class, f::join).getCause();
    }

    @Test
    void aMessageViewKnowsItsChatSenderAndCommand() throws InterruptedException {
        Account botAccount = world().newBot("view_bot").create();
        Account alice = world().newUser("+17800000001").name("Alice", "Liddell").create();
        WorldChat group = world().newGroup("Tea party").members(alice, botAccount).create();
        WorldChat supergroup = world().newSupergroup("Wonderland").members(alice, botAccount).create();
        Queue<MessageView> seen = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = bot()) {
            bot.onMessage(seen::add);
            bot.startBot(botAccount.botToken()).join();
            world().send(alice).to(botAccount).text("/start@view_bot a  b");
            world().send(alice).to(group).text("in the group");
            world().send(alice).to(supergroup).text("in the supergroup");
            await(() -> seen.size() == 3, "3 messages");
        }
        List<MessageView> all = List.copyOf(seen);
        MessageView dm = all.stream().filter(m -> m.chat().kind() == ChatKind.PRIVATE).findFirst().orElseThrow();
        assertThat(dm.chat().id()).isEqualTo(alice.id());
        assertThat(dm.senderId()).hasValue(alice.id());
        assertThat(dm.outgoing()).isFalse();
        BotCommand command = dm.command().orElseThrow();
        assertThat(command.name()).isEqualTo("start");
        assertThat(command.isFor("view_bot")).isTrue();
        assertThat(command.isFor("other_bot")).isFalse();
        assertThat(command.arguments()).containsExactly("a", "b");

        MessageView inGroup = all.stream().filter(m -> m.chat().kind() == ChatKind.GROUP).findFirst().orElseThrow();
        assertThat(inGroup.chat().markedId()).isEqualTo(-group.id());
        assertThat(inGroup.senderId()).hasValue(alice.id());
        MessageView inSupergroup = all.stream().filter(m -> m.chat().kind() == ChatKind.SUPERGROUP).findFirst().orElseThrow();
        assertThat(inSupergroup.chat().title()).hasValue("Wonderland");
        assertThat(inSupergroup.sender()).hasValueSatisfying(u -> assertThat(u.firstName()).isEqualTo("Alice"));
        assertThat(inSupergroup.text()).isEqualTo("in the supergroup");
        assertThat(inSupergroup.toString()).doesNotContain("supergroup").as("no message text in logs");
    }

    @Test
    void sendingByUsernameAndIntoAGroupReachesEveryone() throws InterruptedException {
        Account botAccount = world().newBot("sender_bot").create();
        Account bob = world().newUser("+17800000002").name("Bob").username("bob_the_reader").create();
        WorldChat group = world().newGroup("Readers").members(bob, botAccount).create();
        Queue<MessageView> seen = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = bot()) {
            bot.onMessage(seen::add);
            bot.startBot(botAccount.botToken()).join();
            SentMessage toBob = bot.sendMessage("@bob_the_reader", "hello Bob").join();
            assertThat(toBob.id()).isPositive();
            world().send(bob).to(group).text("hi all");
            await(() -> seen.stream().anyMatch(m -> m.chat().kind() == ChatKind.GROUP), "Bob's group message");
            MessageView groupMessage = seen.stream().filter(m -> m.chat().kind() == ChatKind.GROUP).findFirst().orElseThrow();
            groupMessage.respond("hello group").join();
            await(() -> seen.stream().anyMatch(m -> m.outgoing() && m.text().equals("hello group")), "our own message as an update");
        }
        List<String> bobSaw = world().history(bob).stream().filter(e -> !e.out()).map(HistoryEntry::text).toList();
        assertThat(bobSaw).containsExactly("hello Bob", "hello group");
    }

    @Test
    void badMessagesFailTypedBeforeOrFromTelegram() {
        Account botAccount = world().newBot("strict_bot").create();
        try (TelegramClient bot = bot()) {
            bot.startBot(botAccount.botToken()).join();
            assertThat(failure(bot.sendMessage("@nobody_with_this_name", "hi"))).isInstanceOf(PeerNotFoundException.class);
            assertThat(failure(bot.message("@strict_bot").text(" ").send())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("blank");
            assertThat(failure(bot.message("@strict_bot").text("x".repeat(4097)).send())).hasMessageContaining("4096");
            Assertions.assertThrows(FormattingException.class, () -> bot.message("@strict_bot").markdown("*unclosed"));
        }
    }

    @Test
    void aConversationWaitsForTheAnswerInsideAHandlerWithoutHoldingUpOtherChats() throws InterruptedException {
        Account botAccount = world().newBot("asking_bot").create();
        Account alice = world().newUser("+17800000003").name("Alice").create();
        Account carol = world().newUser("+17800000004").name("Carol").create();
        Queue<String> otherChat = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = bot()) {
            bot.onMessage(m -> {
                if (m.outgoing()) {
                    return;
                }
                if (m.senderId().getAsLong() == carol.id()) {
                    otherChat.add(m.text());
                } else if (m.command().isPresent()) {
                    dev.mtproto.telegram.Conversation c = bot.conversation(m.chat());
                    m.reply("What is your name?").join();
                    String name = c.nextMessageFrom(alice.id(), java.time.Duration.ofSeconds(20)).join().text();
                    c.send("Hello, " + name).join();
                }
            });
            bot.startBot(botAccount.botToken()).join();
            world().send(alice).to(botAccount).text("/name");
            await(() -> world().history(alice).stream().anyMatch(e -> !e.out() && e.text().startsWith("What")), "the question");
            world().send(carol).to(botAccount).text("meanwhile");
            await(() -> otherChat.contains("meanwhile"), "another chat handled while the first waits");
            world().send(alice).to(botAccount).text("Alice");
            await(() -> world().history(alice).stream().anyMatch(e -> e.text().equals("Hello, Alice")), "the greeting");
        }
    }

    @Test
    void aConversationThatGetsNoAnswerTimesOut() {
        Account botAccount = world().newBot("waiting_bot").create();
        Account alice = world().newUser("+17800000005").name("Alice").create();
        try (TelegramClient bot = bot()) {
            bot.startBot(botAccount.botToken()).join();
            dev.mtproto.telegram.ChatRef chat = new dev.mtproto.telegram.ChatRef(ChatKind.PRIVATE, alice.id(), java.util.Optional.empty());
            assertThat(failure(bot.conversation(chat).nextMessage(java.time.Duration.ofMillis(200)))).isInstanceOf(java.util.concurrent.TimeoutException.class);
        }
    }

    @Test
    void aChatsHistoryIsReadNewestFirstAPageAtATime() {
        Account alice = world().newUser("+17800000006").name("Alice").create();
        Account bob = world().newUser("+17800000007").name("Bob").username("bob_history").create();
        for (int i = 0; i < 250; i++) {
            world().send(bob).to(alice).text("note " + i);
        }
        try (TelegramClient client = signedIn(alice)) {
            dev.mtproto.telegram.ChatRef withBob = new dev.mtproto.telegram.ChatRef(ChatKind.PRIVATE, bob.id(), java.util.Optional.empty());
            client.resolve("@bob_history").join(); // the client learns Bob's access hash (a real app has it from its dialogs)
            List<MessageView> all = client.history(withBob).toList();
            assertThat(all).hasSize(250);
            assertThat(all.get(0).text()).isEqualTo("note 249");
            assertThat(all.get(249).text()).isEqualTo("note 0");
            assertThat(all).extracting(MessageView::id).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(all.get(0).sender()).hasValueSatisfying(u -> assertThat(u.firstName()).isEqualTo("Bob"));
            assertThat(client.history(withBob).limit(3).map(MessageView::text).toList()).containsExactly("note 249", "note 248", "note 247");
        }
    }

    @Test
    void aButtonOfTheBotsKeyboardIsPressedAndAnswered() throws InterruptedException {
        Account botAccount = world().newBot("button_bot").create();
        Account alice = world().newUser("+17800000008").name("Alice").username("alice_presses").create();
        Queue<dev.mtproto.telegram.CallbackQueryView> pressed = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = bot()) {
            bot.onCallbackQuery(q -> {
                pressed.add(q);
                q.answer("you chose " + q.dataString(), true).join();
            });
            bot.startBot(botAccount.botToken()).join();
            bot.message("@alice_presses").text("Yes or no?").replyMarkup(dev.mtproto.messages.keyboard.InlineKeyboard.builder()
                    .row(r -> r.callback("Yes", "y").callback("No", "n")).build()).send().join();
            HistoryEntry question = world().history(alice).stream().filter(e -> e.text().equals("Yes or no?")).findFirst().orElseThrow();
            long queryId = world().as(alice).press(question, "n");
            await(() -> world().botQueries().callbackAnswer(queryId).isPresent(), "the answer");
            dev.mtproto.testkit.world.bots.CallbackAnswer answer = world().botQueries().callbackAnswer(queryId).orElseThrow();
            assertThat(answer.message()).isEqualTo("you chose n");
            assertThat(answer.alert()).isTrue();
            dev.mtproto.telegram.CallbackQueryView q = pressed.peek();
            assertThat(q.userId()).isEqualTo(alice.id());
            assertThat(q.chat().kind()).isEqualTo(ChatKind.PRIVATE);
            assertThat(q.queryId()).isEqualTo(queryId);
            assertThat(q.user()).hasValueSatisfying(u -> assertThat(u.firstName()).isEqualTo("Alice"));
        }
    }

    @Test
    void messagesAreEditedPinnedAndDeletedAndEditsArriveTyped() throws InterruptedException {
        Account botAccount = world().newBot("editing_bot").create();
        Account alice = world().newUser("+17800000009").name("Alice").create();
        WorldChat group = world().newGroup("Edits").members(alice, botAccount).create();
        Queue<MessageView> edited = new ConcurrentLinkedQueue<>();
        Queue<MessageView> received = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = bot()) {
            bot.onMessage(received::add);
            bot.onEditedMessage(edited::add);
            bot.startBot(botAccount.botToken()).join();
            dev.mtproto.telegram.ChatRef chat = new dev.mtproto.telegram.ChatRef(ChatKind.GROUP, group.id(), java.util.Optional.empty());
            SentMessage sent = bot.message(chat).text("draft").send().join();
            bot.editMessage(chat, sent.id(), "final").join();
            HistoryEntry copy = world().history(alice).stream().filter(e -> e.text().equals("draft")).findFirst().orElseThrow();
            assertThat(world().as(alice).current(copy)).hasValueSatisfying(m -> assertThat(m.message()).isEqualTo("final"));

            world().send(alice).to(group).text("pin me");
            await(() -> received.stream().anyMatch(m -> m.text().equals("pin me")), "Alice's message");
            MessageView pinMe = received.stream().filter(m -> m.text().equals("pin me")).findFirst().orElseThrow();
            pinMe.pin(true).join();
            HistoryEntry alicesOwn = world().history(alice).stream().filter(e -> e.text().equals("pin me")).findFirst().orElseThrow();
            assertThat(world().as(alice).current(alicesOwn)).hasValueSatisfying(m -> assertThat(m.pinned()).isTrue());

            world().as(alice).edit(alicesOwn, "pin me, edited");
            await(() -> edited.stream().anyMatch(m -> m.text().equals("pin me, edited")), "Alice's edit as a typed update");
            assertThat(edited).as("our own edit came back as an update too").anyMatch(m -> m.text().equals("final") && m.outgoing());

            bot.deleteMessages(chat, List.of(sent.id()), true).join();
            assertThat(world().as(alice).current(copy)).as("deleted for everyone").isEmpty();
        }
    }

    @Test
    void anInlineQueryIsAnsweredWithResults() throws InterruptedException {
        Account botAccount = world().newBot("inline_answer_bot").create();
        Account alice = world().newUser("+17800000010").name("Alice").create();
        try (TelegramClient bot = bot()) {
            bot.onInlineQuery(q -> q.answer(List.of(dev.mtproto.tl.api.InputBotInlineResult.builder().id("1").type("article")
                    .title("Echo: " + q.text()).sendMessage(dev.mtproto.tl.api.InputBotInlineMessageText.builder().message(q.text()).build())
                    .build()), java.time.Duration.ofSeconds(10), null).join());
            bot.startBot(botAccount.botToken()).join();
            long queryId = world().as(alice).inlineQuery(botAccount, "cats", "");
            await(() -> world().botQueries().inlineResults(queryId).isPresent(), "the results");
            dev.mtproto.testkit.world.bots.InlineResults results = world().botQueries().inlineResults(queryId).orElseThrow();
            assertThat(results.cacheTime()).isEqualTo(10);
            assertThat(((dev.mtproto.tl.api.InputBotInlineResult) results.results().get(0)).title()).isEqualTo("Echo: cats");
        }
    }

    @Test
    void theChatListIsReadNewestFirstAcrossPages() {
        Account carol = world().newUser("+17800000011").name("Carol").create();
        List<Account> friends = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Account friend = world().newUser("+1780100" + String.format("%04d", i)).name("Friend " + i).create();
            world().send(friend).to(carol).text("hi from " + i);
            friends.add(friend);
        }
        try (TelegramClient client = signedIn(carol)) {
            List<dev.mtproto.telegram.DialogView> dialogs = client.dialogs().toList();
            assertThat(dialogs).hasSize(120);
            assertThat(dialogs).extracting(d -> d.chat().id()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(friends.stream().map(Account::id).toList());
            assertThat(dialogs.get(0).chat().id()).as("the newest first").isEqualTo(friends.get(119).id());
            assertThat(dialogs.get(0).topMessage()).hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("hi from 119"));
            assertThat(dialogs.get(0).chat().kind()).isEqualTo(ChatKind.PRIVATE);
            assertThat(dialogs).as("nothing read yet").allMatch(d -> d.unreadCount() == 1);
        }
    }
}
