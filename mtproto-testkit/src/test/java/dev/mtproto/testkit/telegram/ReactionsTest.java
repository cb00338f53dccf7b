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
import dev.mtproto.tl.api.MessageReactions;
import dev.mtproto.tl.api.ReactionEmoji;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reactions end to end: {@code messages.sendReaction} from the client and from scripted users, seen as
 * {@link TelegramUpdate.Reactions} by people ({@code updateMessageReactions}) and by admin bots
 * ({@code updateBotMessageReaction}, https://core.telegram.org/constructor/updateBotMessageReaction).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReactionsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static HistoryEntry received(Account who, String text) {
        return Clients.received(TELEGRAM.cluster(), who, text);
    }

    private static Map<String, Integer> counts(Account who, HistoryEntry entry) {
        MessageReactions r = (MessageReactions) world().as(who).current(entry).orElseThrow().reactions();
        return r == null ? Map.of() : r.results().stream().collect(java.util.stream.Collectors.toMap(c -> ((ReactionEmoji) c.reaction()).emoticon(),
                c -> c.count()));
    }

    @Test
    void aPersonSeesTheCountsChangeAndReactsBack() throws InterruptedException {
        Account alice = world().newUser("+17830000001").name("Alice").create();
        Account bob = world().newUser("+17830000002").name("Bob").username("bob_reacts").create();
        Queue<TelegramUpdate.Reactions> seen = new ConcurrentLinkedQueue<>();
        Queue<MessageView> messages = new ConcurrentLinkedQueue<>();
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), alice)) {
            client.onReactions(seen::add);
            client.onMessage(messages::add);
            client.resolve("@bob_reacts").join();
            ChatRef withBob = new ChatRef(ChatKind.PRIVATE, bob.id(), Optional.empty());
            SentMessage sent = client.message(withBob).text("react to me").send().join();
            world().as(bob).react(received(bob, "react to me"), "👍");
            Clients.await(() -> !seen.isEmpty(), "Bob's reaction");
            TelegramUpdate.Reactions r = seen.poll();
            assertThat(r.chat().kind()).isEqualTo(ChatKind.PRIVATE);
            assertThat(r.chat().id()).isEqualTo(bob.id());
            assertThat(r.messageId()).isEqualTo(sent.id());
            assertThat(r.counts()).containsExactly(Map.entry("👍", 1));
            assertThat(r.chosen()).as("not Alice's own").isEmpty();
            assertThat(r.actorId()).isEmpty();

            world().send(bob).to(alice).text("and you?");
            Clients.await(() -> messages.stream().anyMatch(m -> m.text().equals("and you?")), "Bob's message");
            MessageView fromBob = messages.stream().filter(m -> m.text().equals("and you?")).findFirst().orElseThrow();
            fromBob.react("🔥").join();
            assertThat(counts(bob, received(bob, "and you?"))).containsExactly(Map.entry("🔥", 1));
            client.react(withBob, sent.id(), "👍").join();
            assertThat(counts(bob, received(bob, "react to me"))).as("Alice's and Bob's on one emoji").containsExactly(Map.entry("👍", 2));
            world().as(bob).react(received(bob, "react to me"), "");
            Clients.await(() -> seen.stream().anyMatch(x -> x.messageId() == sent.id() && x.counts().equals(Map.of("👍", 1))
                    && x.chosen().equals(List.of("👍"))), "Bob's reaction taken away, Alice's own left");
        }
    }

    @Test
    void aBotThatIsAnAdminLearnsWhoReactedWithWhat() throws InterruptedException {
        Account botAccount = world().newBot("reaction_bot").create();
        Account alice = world().newUser("+17830000003").name("Alice").create();
        WorldChat plain = world().newGroup("Bot not admin").members(alice, botAccount).create();
        WorldChat admined = world().newSupergroup("Bot is admin").members(alice, botAccount).admins(botAccount).create();
        Queue<TelegramUpdate.Reactions> seen = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = Clients.bot(TELEGRAM.cluster())) {
            bot.onReactions(seen::add);
            bot.startBot(botAccount.botToken()).join();
            bot.message(new ChatRef(ChatKind.GROUP, plain.id(), Optional.empty())).text("in plain").send().join();
            world().as(alice).react(received(alice, "in plain"), "👍");
            world().send(alice).to(admined).text("in admined");
            HistoryEntry inAdmined = received(alice, "in admined");
            world().as(alice).react(inAdmined, "👍");
            world().as(alice).react(inAdmined, "🎉");
            Clients.await(() -> seen.size() >= 2, "two changes");
            List<TelegramUpdate.Reactions> all = List.copyOf(seen);
            assertThat(all).as("none from the group where the bot is no admin").allMatch(x -> x.chat().id() == admined.id());
            assertThat(all.get(0).chat().kind()).isEqualTo(ChatKind.SUPERGROUP);
            assertThat(all.get(0).actorId()).hasValue(alice.id());
            assertThat(all.get(0).oldReactions()).isEmpty();
            assertThat(all.get(0).newReactions()).containsExactly("👍");
            assertThat(all.get(1).oldReactions()).containsExactly("👍");
            assertThat(all.get(1).newReactions()).containsExactly("🎉");
            assertThat(all.get(1).messageId()).isEqualTo(inAdmined.id());
            assertThat(all.get(1).counts()).as("the bot form carries no counts").isEmpty();
        }
    }
}
