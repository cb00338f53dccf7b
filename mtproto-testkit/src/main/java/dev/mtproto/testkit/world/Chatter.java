package dev.mtproto.testkit.world;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scripted user who keeps writing, for the standalone test DC: {@code --chatter @alice:@echo_bot:2s}
 * sends "chatter 1", "chatter 2", ... from Alice to the bot every 2 seconds. The sender is named by
 * {@code @username} or {@code +phone}; the recipient by {@code @username} (a user, a bot, or a public
 * supergroup or channel), {@code +phone}, or {@code #Title} (a chat by its title). The interval is
 * {@code 500ms}, {@code 2s} or {@code 1m}. Thread-safe.
 */
public final class Chatter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Chatter.class);

    /**
     * What {@code --chatter} said.
     *
     * @param from the sender, as named
     * @param to the recipient, as named
     * @param interval how often
     */
    public record Spec(String from, String to, Duration interval) {
        /**
         * @param spec what follows {@code --chatter}: {@code FROM:TO:INTERVAL}
         * @return the chatter to start
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Spec parse(String spec) {
            String[] parts = spec.split(":", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("--chatter " + spec + ": give FROM:TO:INTERVAL, e.g. @alice:@echo_bot:2s");
            }
            return new Spec(parts[0].strip(), parts[1].strip(), interval(spec, parts[2].strip().toLowerCase(Locale.ROOT)));
        }

        private static Duration interval(String spec, String s) {
            try {
                Duration d = s.endsWith("ms") ? Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)))
                        : s.endsWith("s") ? Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)))
                        : s.endsWith("m") ? Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1))) : null;
                if (d != null && d.toMillis() >= 10) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // the message below says what is wanted
            }
            throw new IllegalArgumentException("--chatter " + spec + ": the interval must be like 500ms, 2s or 1m (at least 10ms)");
        }
    }

    private final ScheduledExecutorService timer;

    private Chatter(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts sending.
     *
     * @param world the world
     * @param spec who sends what where
     * @return the running chatter
     * @throws IllegalArgumentException if the sender or the recipient is unknown
     */
    public static Chatter start(World world, Spec spec) {
        Account from = ChatSeed.account(world, spec.from());
        ScriptedMessage message = recipient(world, from, spec.to());
        AtomicInteger n = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "testkit-chatter");
            t.setDaemon(true);
            return t;
        });
        long every = spec.interval().toMillis();
        timer.scheduleAtFixedRate(() -> {
            try {
                message.text("chatter " + n.incrementAndGet());
            } catch (RpcException e) {
                log.warn("{} cannot write to {}: {}", spec.from(), spec.to(), e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new Chatter(timer);
    }

    private static ScriptedMessage recipient(World world, Account from, String to) {
        if (to.startsWith("#")) {
            String title = to.substring(1);
            WorldChat chat = world.chats().all().stream().filter(c -> c.title().equals(title)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--chatter: no chat titled " + title));
            return world.send(from).to(chat);
        }
        if (to.startsWith("@")) {
            Optional<WorldChat> channel = world.chats().byUsername(to);
            if (channel.isPresent()) {
                return world.send(from).to(channel.get());
            }
        }
        return world.send(from).to(ChatSeed.account(world, to));
    }

    /** Stops sending. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
