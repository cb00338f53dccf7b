package dev.mtproto.benchmarks.spring;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.spring.client.SignInMethod;
import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.handler.HandlerMethods;
import dev.mtproto.spring.handler.UpdateHandler;
import dev.mtproto.spring.handler.UpdateHandlerAnnotationBeanPostProcessor;
import dev.mtproto.spring.handler.UpdateHandlerRegistry;
import dev.mtproto.spring.handler.UpdateRouter;
import dev.mtproto.spring.handler.UpdateVariable;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.telegram.BotCommand;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.updates.IncomingUpdate;
import dev.mtproto.updates.UpdateOrigin;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code @UpdateHandler} dispatch overhead, in process: new-message updates of 64 chats go through the
 * {@link UpdateRouter} of a real Spring context (filters, argument resolution through spring-messaging's
 * {@code InvocableHandlerMethod}, three handler methods: a command, a template with a placeholder, a
 * catch-all echo that takes the text). The update engine calls {@code route} on the thread that owns a chat,
 * so one chat's updates are routed in order; the two-thread variant routes disjoint chats from two threads,
 * as the engine's workers do. No network: the handlers count and return nothing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpdateHandlerRoutingBenchmark {

    /** The application: a context with the handler infrastructure and one handler bean. */
    @State(Scope.Benchmark)
    public static class App {
        AnnotationConfigApplicationContext context;
        UpdateRouter router;
        TelegramAccount account;
        TelegramClient client;

        @Setup(Level.Trial)
        public void start() {
            context = new AnnotationConfigApplicationContext();
            context.registerBean(UpdateHandlerRegistry.class);
            context.registerBean(HandlerMethods.class, () -> new HandlerMethods(context.getBeanFactory(),
                    ApplicationConversionService.getSharedInstance(), List.of()));
            context.registerBean(UpdateHandlerAnnotationBeanPostProcessor.class);
            context.registerBean(Handlers.class);
            context.refresh();
            router = new UpdateRouter(context.getBean(UpdateHandlerRegistry.class), null, List.of());
            // never connected: the router only needs the account to pass to the handlers
            client = TelegramClient.create(ClientConfig.builder(1, "0123456789abcdef0123456789abcdef").homeDc(1)
                    .dcOptions(DcOptions.of(new DcAddress(1, "127.0.0.1", 1))).sessionStore(new MemorySessionStore()).build());
            account = new TelegramAccount("bench", client, new SignInMethod(SignInMethod.Kind.SESSION_ONLY, null), Clock.systemUTC());
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.raw().close();
            context.close();
        }
    }

    /** Each thread's own chats and updates. */
    @State(Scope.Thread)
    public static class Feed {
        private static final String[] TEXTS = {"/start", "order tea", "hello there", "/start@other_bot", "just words", "order coffee"};
        TelegramUpdate[] updates;
        int next;

        @Setup(Level.Trial)
        public void build(App app) {
            long base = Thread.currentThread().getId() * 1000;
            updates = new TelegramUpdate[1024];
            for (int i = 0; i < updates.length; i++) {
                Message m = Message.builder().id(i + 1).date(1_700_000_000).peerId(new PeerUser(base + i % 64)).fromId(new PeerUser(base + i % 64))
                        .message(TEXTS[i % TEXTS.length]).build();
                IncomingUpdate in = new IncomingUpdate(new UpdateNewMessage(m, i + 1, 1), List.of(), List.of(), UpdateOrigin.PUSHED, base + i % 64);
                updates[i] = TelegramUpdate.of(in, app.client);
            }
        }
    }

    /** The handlers of a typical bot. */
    public static class Handlers {
        long started;
        long ordered;
        long echoed;

        @UpdateHandler(commands = "start")
        public void start(MessageView message, BotCommand command) {
            started += command.name().length();
        }

        @UpdateHandler(pattern = "order {item}")
        public void order(@UpdateVariable("item") String item) {
            ordered += item.length();
        }

        @UpdateHandler(pattern = "(?!/)[\\s\\S]*")
        public void echo(String text) {
            echoed += text.length();
        }
    }

    /**
     * @param app the application
     * @param feed the thread's updates
     * @param sink keeps the result alive
     */
    @Benchmark
    public void routeOneThread(App app, Feed feed, Blackhole sink) {
        TelegramUpdate u = feed.updates[feed.next++ & 1023];
        app.router.route(app.account, u);
        sink.consume(u);
    }

    /**
     * @param app the application
     * @param feed the thread's updates (its own chats)
     * @param sink keeps the result alive
     */
    @Benchmark
    @Threads(2)
    public void routeTwoThreads(App app, Feed feed, Blackhole sink) {
        TelegramUpdate u = feed.updates[feed.next++ & 1023];
        app.router.route(app.account, u);
        sink.consume(u);
    }
}
