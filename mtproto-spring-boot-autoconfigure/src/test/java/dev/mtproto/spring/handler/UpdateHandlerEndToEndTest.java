package dev.mtproto.spring.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mtproto.spring.autoconfigure.ClusterProperties;
import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.handler.MtprotoHandlerAutoConfiguration;
import dev.mtproto.spring.client.AccountStatus;
import dev.mtproto.spring.client.MtprotoLifecycleEvent;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.event.MtprotoUpdateEvent;
import dev.mtproto.telegram.BotCommand;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The whole path against a test cluster over real MTProto: the application signs the bot in, a person writes,
 * {@code @UpdateHandler} methods get what their filters let through, with their arguments, and their replies
 * reach the person; events are published; stopping the application disconnects.
 */
class UpdateHandlerEndToEndTest {
    private static TestCluster cluster;
    private static World world;
    private static Account bot;
    private static Account alice;
    private static WorldChat group;

    @BeforeAll
    static void startTelegram() {
        cluster = TestCluster.start(2);
        world = cluster.world();
        bot = world.newBot("handler_test_bot").name("Handler").create();
        alice = world.newUser("+15550111").name("Alice").create();
        group = world.newGroup("Friends").creator(alice).members(bot).create();
    }

    @AfterAll
    static void stopTelegram() {
        cluster.close();
    }

    private ApplicationContextRunner app() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class, MtprotoHandlerAutoConfiguration.class))
                .withPropertyValues(ClusterProperties.of(cluster, "mtproto.bot-token=" + bot.botToken()))
                .withUserConfiguration(BotHandlers.class);
    }

    @Test
    void handlersAnswerThroughTelegram() {
        app().run((context) -> {
            assertThat(context).hasNotFailed();
            TelegramClients clients = context.getBean(TelegramClients.class);
            assertThat(clients.account("default").status()).isEqualTo(AccountStatus.SIGNED_IN);
            BotHandlers handlers = context.getBean(BotHandlers.class);
            assertThat(handlers.lifecycle).extracting(e -> e.getClass().getSimpleName()).containsExactly("Connected", "SignedIn");

            world.send(alice).to(bot).text("/start");
            awaitReply("Welcome, Alice!");
            world.send(alice).to(bot).text("/start@someone_else_bot");
            world.send(alice).to(bot).text("/add 2 3");
            awaitReply("5");
            world.send(alice).to(bot).text("order tea 3");
            awaitReply("3 x tea");
            world.send(alice).to(bot).text("order tea many");
            awaitReply("bad input: placeholder {count} is \"many\", which is not a int");
            world.send(alice).to(bot).text("boom");
            awaitReply("sorry: bang");
            world.send(alice).to(group).text("hello group");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(handlers.groupTexts).contains("hello group in GROUP " + group.id()));

            // a command for another bot reached no handler
            assertThat(repliesTo(alice).stream().filter("Welcome, Alice!"::equals)).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> handlers.events.size() >= 7);
            assertThat(handlers.events).allMatch(e -> e.update() instanceof TelegramUpdate.NewMessage);

            UpdateHandlerRegistry registry = context.getBean(UpdateHandlerRegistry.class);
            UpdateHandlerEndpoint boom = registry.endpoints().stream().filter(e -> e.id().equals("BotHandlers.boom")).findFirst().orElseThrow();
            assertThat(boom.invocations()).isEqualTo(1);
            assertThat(boom.failures()).isZero(); // its exception handler took it
            assertThat(context.getBean(UpdateRouter.class).unhandledFailures()).isZero();
            assertThat(clients.account("default").updatesDispatched()).isGreaterThanOrEqualTo(7);
            assertThat(clients.account("default").lastUpdateAt()).isPresent();
        });
    }

    @Test
    void stoppingDisconnects() {
        List<MtprotoLifecycleEvent> seen = new CopyOnWriteArrayList<>();
        TelegramClients[] clients = new TelegramClients[1];
        app().run((context) -> {
            clients[0] = context.getBean(TelegramClients.class);
            seen.addAll(context.getBean(BotHandlers.class).lifecycle);
            context.getBean(BotHandlers.class).lifecycle.clear();
            context.getBean(BotHandlers.class).stopEvents = seen;
        });
        assertThat(clients[0].account("default").status()).isEqualTo(AccountStatus.STOPPED);
        assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("Connected", "SignedIn", "Disconnected");
    }

    private static void awaitReply(String text) {
        await().atMost(Duration.ofSeconds(10)).until(() -> repliesTo(alice).contains(text));
    }

    private static List<String> repliesTo(Account user) {
        return world.history(user).stream().filter(e -> !e.out() && e.peer() instanceof PeerUser p && p.userId() == bot.id())
                .map(HistoryEntry::text).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class BotHandlers {
        final List<MtprotoLifecycleEvent> lifecycle = new CopyOnWriteArrayList<>();
        final List<MtprotoUpdateEvent<?>> events = new CopyOnWriteArrayList<>();
        final List<String> groupTexts = new CopyOnWriteArrayList<>();
        volatile List<MtprotoLifecycleEvent> stopEvents;

        @UpdateHandler(commands = "/start", chats = ChatKind.PRIVATE)
        String start(MessageView message, Optional<User> sender) {
            return "Welcome, " + sender.map(User::firstName).orElse("stranger") + "!";
        }

        @UpdateHandler(commands = "add")
        CompletableFuture<String> add(@CommandArguments List<String> numbers, BotCommand command) {
            assertThat(command.name()).isEqualTo("add");
            return CompletableFuture.supplyAsync(() -> String.valueOf(numbers.stream().mapToInt(Integer::parseInt).sum()));
        }

        @UpdateHandler(pattern = "order {item} {count}")
        String order(@UpdateVariable("item") String item, @UpdateVariable int count) {
            return count + " x " + item;
        }

        @UpdateHandler(pattern = "boom")
        void boom() {
            throw new IllegalStateException("bang");
        }

        @UpdateHandler(chats = ChatKind.GROUP)
        void inGroup(String text, ChatRef chat, MessageView message) {
            groupTexts.add(text + " in " + chat.kind() + " " + message.chat().id());
        }

        @UpdateExceptionHandler
        String onError(IllegalStateException e) {
            return "sorry: " + e.getMessage();
        }

        @UpdateExceptionHandler(org.springframework.messaging.handler.invocation.MethodArgumentResolutionException.class)
        String onBadArgument(Exception e) {
            return "bad input: " + e.getMessage().substring(e.getMessage().indexOf("placeholder"));
        }

        @EventListener
        void onLifecycle(MtprotoLifecycleEvent event) {
            List<MtprotoLifecycleEvent> after = stopEvents;
            (after != null ? after : lifecycle).add(event);
        }

        @EventListener
        void onMessage(MtprotoUpdateEvent<TelegramUpdate.NewMessage> event) {
            events.add(event);
        }
    }
}
