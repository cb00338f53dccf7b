package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.SentMessage;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Read acknowledgements end to end: {@code markRead} and scripted reads reach the sender as
 * {@link TelegramUpdate.ReadReceipt} ({@code updateReadHistoryOutbox}, {@code updateReadChannelOutbox}) and the
 * reader's other devices as the inbox form (https://core.telegram.org/method/messages.readHistory).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadReceiptsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static HistoryEntry received(Account who, String text) {
        return Clients.received(TELEGRAM.cluster(), who, text);
    }

    @Test
    void theSenderLearnsItsPrivateMessagesWereRead() throws InterruptedException {
        Account alice = world().newUser("+17840000001").name("Alice").username("alice_reads").create();
        Account bob = world().newUser("+17840000002").name("Bob").username("bob_reads").create();
        Queue<TelegramUpdate.ReadReceipt> aliceSaw = new ConcurrentLinkedQueue<>();
        Queue<TelegramUpdate.ReadReceipt> bobSaw = new ConcurrentLinkedQueue<>();
        Queue<MessageView> bobGot = new ConcurrentLinkedQueue<>();
        try (TelegramClient a = Clients.signedIn(TELEGRAM.cluster(), alice); TelegramClient b = Clients.signedIn(TELEGRAM.cluster(), bob)) {
            a.onReadReceipt(aliceSaw::add);
            b.onReadReceipt(bobSaw::add);
            b.onMessage(bobGot::add);
            a.resolve("@bob_reads").join();
            SentMessage first = a.message(new ChatRef(ChatKind.PRIVATE, bob.id(), Optional.empty())).text("one").send().join();
            SentMessage second = a.message(new ChatRef(ChatKind.PRIVATE, bob.id(), Optional.empty())).text("two").send().join();
            Clients.await(() -> bobGot.size() == 2, "both messages at Bob's");
            MessageView two = bobGot.stream().filter(m -> m.text().equals("two")).findFirst().orElseThrow();
            b.markRead(two.chat(), two.id()).join();
            Clients.await(() -> !aliceSaw.isEmpty(), "Alice's read receipt");
            TelegramUpdate.ReadReceipt r = aliceSaw.poll();
            assertThat(r.outbox()).isTrue();
            assertThat(r.chat().kind()).isEqualTo(ChatKind.PRIVATE);
            assertThat(r.chat().id()).isEqualTo(bob.id());
            assertThat(r.maxId()).as("Alice's own id of the last one read").isEqualTo(second.id()).isGreaterThan(first.id());
            b.markRead(two.chat(), two.id()).join();

            world().send(alice).to(bob).text("three");
            world().as(bob).read(received(bob, "three"));
            int three = received(bob, "three").id();
            Clients.await(() -> bobSaw.stream().anyMatch(x -> x.maxId() == three), "Bob's read on another device");
            assertThat(bobSaw).as("inbox receipts only: its own markRead came back through the difference, then the other device's")
                    .allMatch(x -> !x.outbox() && x.chat().id() == alice.id()).extracting(TelegramUpdate.ReadReceipt::maxId)
                    .containsExactly(two.id(), three);
            Clients.await(() -> aliceSaw.size() == 1, "the second receipt");
            assertThat(aliceSaw.poll().maxId()).as("reading the same again told nothing; this is the scripted read").isEqualTo(received(alice, "three").id());
        }
    }

    @Test
    void aBotLearnsItsSupergroupMessageWasRead() throws InterruptedException {
        Account botAccount = world().newBot("read_receipt_bot").create();
        Account carol = world().newUser("+17840000003").name("Carol").create();
        WorldChat sg = world().newSupergroup("Readers").username("readers_sg").members(carol, botAccount).create();
        Queue<TelegramUpdate.ReadReceipt> seen = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = Clients.bot(TELEGRAM.cluster())) {
            bot.onReadReceipt(seen::add);
            bot.startBot(botAccount.botToken()).join();
            bot.resolve("@readers_sg").join();
            SentMessage sent = bot.message(new ChatRef(ChatKind.SUPERGROUP, sg.id(), Optional.empty())).text("announcement").send().join();
            world().as(carol).read(received(carol, "announcement"));
            Clients.await(() -> !seen.isEmpty(), "the receipt");
            TelegramUpdate.ReadReceipt r = seen.poll();
            assertThat(r.outbox()).isTrue();
            assertThat(r.chat().kind()).isEqualTo(ChatKind.SUPERGROUP);
            assertThat(r.chat().id()).isEqualTo(sg.id());
            assertThat(r.maxId()).isEqualTo(sent.id());
        }
    }
}
