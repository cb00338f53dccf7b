package dev.mtproto.testkit.demo;

import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.tl.api.PeerUser;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's runnable demo, offline: starts a Telegram of its own on 127.0.0.1 (the test DC with its
 * world), creates a bot and a person, runs the echo bot with {@link TelegramClient} over real MTProto, lets
 * the person write to it, prints the conversation and exits.
 *
 * <pre>{@code java -cp mtproto-testkit/target/mtproto-testkit-standalone.jar dev.mtproto.testkit.demo.EchoBotDemo}</pre>
 */
public final class EchoBotDemo {
    private EchoBotDemo() {
    }

    /**
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting for the echoes
     */
    public static void main(String[] args) throws InterruptedException {
        try (TestCluster telegram = TestCluster.start(2)) {
            World world = telegram.world();
            Account botAccount = world.newBot("demo_echo_bot").name("Echo").create();
            Account alice = world.newUser("+15550100").name("Alice").homeDc(2).create();
            System.out.println("Telegram test DCs on 127.0.0.1: " + telegram.dcs().size() + "; bot @demo_echo_bot, user Alice on DC 2");

            try (TelegramClient bot = TelegramClient.create(telegram.clientConfig().sessionStore(new MemorySessionStore()).build())) {
                bot.onMessage(m -> {
                    if (m.chat().kind() == ChatKind.PRIVATE && !m.outgoing()) {
                        m.reply(m.text());
                    }
                });
                bot.startBot(botAccount.botToken()).join();
                System.out.println("the bot is signed in and listening");

                List<String> lines = List.of("hello, bot", "can you repeat this?", "ünïcödé and emoji 👋🏽 work too");
                for (String line : lines) {
                    world.send(alice).to(botAccount).text(line);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (echoes(world, alice, botAccount) < lines.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            for (HistoryEntry e : world.history(alice)) {
                System.out.println((e.out() ? "Alice -> bot: " : "bot -> Alice: ") + e.text());
            }
            int echoed = echoes(world, alice, botAccount);
            System.out.println(echoed == 3 ? "every message was echoed" : "only " + echoed + " of 3 echoes arrived");
            if (echoed != 3) {
                System.exit(1);
            }
        }
    }

    private static int echoes(World world, Account user, Account bot) {
        return (int) world.history(user).stream().filter(e -> !e.out() && e.peer() instanceof PeerUser p && p.userId() == bot.id()).count();
    }
}
