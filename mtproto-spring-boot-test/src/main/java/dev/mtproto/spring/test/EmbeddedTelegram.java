package dev.mtproto.spring.test;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Telegram of its own on 127.0.0.1 for a Boot application: the testkit's test DCs speaking real MTProto,
 * a bot account for the application, and scripted people to talk to it. {@link #properties()} are the
 * {@code mtproto.*} properties that point the application's (only) account at it as that bot.
 */
public final class EmbeddedTelegram implements AutoCloseable {
    private static final AtomicInteger PHONES = new AtomicInteger();

    private final TestCluster cluster;
    private final Account bot;
    private final Duration replyTimeout;

    private EmbeddedTelegram(TestCluster cluster, Account bot, Duration replyTimeout) {
        this.cluster = cluster;
        this.bot = bot;
        this.replyTimeout = replyTimeout;
    }

    /**
     * Starts two test DCs on free ports of 127.0.0.1 and creates the bot.
     *
     * @param botUsername the bot's username (without {@code @})
     * @param replyTimeout how long {@link TestUser#expectReply()} waits by default
     * @return the running Telegram
     * @throws IllegalArgumentException if the username is not a valid bot username
     */
    public static EmbeddedTelegram start(String botUsername, Duration replyTimeout) {
        TestCluster cluster = TestCluster.start(2);
        try {
            Account bot = cluster.world().newBot(botUsername).name(botUsername).create();
            return new EmbeddedTelegram(cluster, bot, replyTimeout);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** @return the {@code mtproto.*} properties of an application signed in as {@link #bot()} here, memory session */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mtproto.api-id", TestCluster.TEST_API_ID);
        p.put("mtproto.api-hash", TestCluster.TEST_API_HASH);
        p.put("mtproto.bot-token", bot.botToken());
        for (TestDc dc : cluster.dcs()) {
            p.put("mtproto.dc.addresses." + dc.id(), dc.host() + ":" + dc.port());
        }
        p.put("mtproto.dc.rsa-public-key", cluster.rsaPublicKeyPem());
        p.put("mtproto.dc.home", 1);
        p.put("mtproto.dc.refresh-options", false);
        p.put("mtproto.session.store", "memory");
        return p;
    }

    /**
     * Creates a person with a new phone number.
     *
     * @param firstName their first name
     * @return them, ready to write to the bot
     */
    public TestUser user(String firstName) {
        String phone = "+1999" + String.format("%07d", PHONES.incrementAndGet());
        return new TestUser(world(), world().newUser(phone).name(firstName).create(), bot, replyTimeout);
    }

    /** @return the bot account the application signs in as */
    public Account bot() {
        return bot;
    }

    /** @return the world: every account, chat and message, for tests that need more than the DSL */
    public World world() {
        return cluster.world();
    }

    /** @return the test DCs */
    public TestCluster cluster() {
        return cluster;
    }

    /** Stops the DCs. */
    @Override
    public void close() {
        cluster.close();
    }

    @Override
    public String toString() {
        return "EmbeddedTelegram[bot @" + bot.username() + ", DCs " + cluster.dcs().size() + "]";
    }
}
