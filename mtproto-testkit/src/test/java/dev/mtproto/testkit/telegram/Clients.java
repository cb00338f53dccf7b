package dev.mtproto.testkit.telegram;

import dev.mtproto.auth.CodeRequest;
import dev.mtproto.auth.LoginFlow;
import dev.mtproto.auth.PasswordRequest;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.accounts.Account;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Everyday clients against the test DC, for the tests of this package. */
final class Clients {
    private Clients() {
    }

    /** @return a client with a fresh session, not signed in (for a bot: {@code startBot(token)}) */
    static TelegramClient bot(TestCluster telegram) {
        return TelegramClient.create(telegram.clientConfig().sessionStore(new MemorySessionStore()).build());
    }

    /** @return a person's client, signed in through the phone flow with the code the world sent, updates started */
    static TelegramClient signedIn(TestCluster telegram, Account person) {
        String phone = "+" + person.phone();
        TelegramClient client = bot(telegram);
        client.start(new LoginFlow() {
            @Override
            public String phoneNumber() {
                return phone;
            }

            @Override
            public String code(CodeRequest request) {
                return telegram.world().logins().code(phone);
            }

            @Override
            public char[] password(PasswordRequest request) {
                throw new AssertionError("no password is set");
            }
        }).join();
        return client;
    }

    /** @return the first message with that text the account received, as the world recorded it */
    static dev.mtproto.testkit.world.messages.HistoryEntry received(TestCluster telegram, Account who, String text) {
        return telegram.world().history(who).stream().filter(e -> e.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(who + " received no \"" + text + "\""));
    }

    /** Waits up to 20 s for the condition. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
