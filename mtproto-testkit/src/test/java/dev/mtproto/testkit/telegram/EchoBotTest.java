package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The echo bot of the README, run against the test DC: every private message comes back, as a reply. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoBotTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static List<HistoryEntry> fromBot(World world, Account user, Account bot) {
        return world.history(user).stream().filter(e -> !e.out() && e.peer() instanceof dev.mtproto.tl.api.PeerUser p && p.userId() == bot.id()).toList();
    }

    @Test
    void everyPrivateMessageIsEchoedAsAReply() throws InterruptedException {
        World world = TELEGRAM.cluster().world();
        Account botAccount = world.newBot("echo_readme_bot").create();
        Account alice = world.newUser("+17790000001").name("Alice").homeDc(2).create();
        WorldChat group = world.newGroup("Not echoed").members(alice, botAccount).create();
        String token = botAccount.botToken();

        // --- the README's echo bot, as written there (with the test cluster's configuration)
        try (TelegramClient bot = TelegramClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore()).build())) {
            bot.onMessage(m -> {
                if (m.chat().kind() == ChatKind.PRIVATE && !m.outgoing()) {
                    m.reply(m.text());
                }
            });
            bot.startBot(token).join();
            // ---

            world.send(alice).to(botAccount).text("hello");
            world.send(alice).to(group).text("not for echoing");
            world.send(alice).to(botAccount).text("çava? 👋");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (fromBot(world, alice, botAccount).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        List<HistoryEntry> echoes = fromBot(world, alice, botAccount);
        assertThat(echoes).extracting(HistoryEntry::text).containsExactly("hello", "çava? 👋");
        List<HistoryEntry> mine = world.history(alice).stream().filter(HistoryEntry::out).toList();
        assertThat(echoes).allSatisfy(e -> assertThat(((dev.mtproto.tl.api.Message) e.message()).replyTo()).isNotNull());
        assertThat(mine).hasSize(3);
    }
}
