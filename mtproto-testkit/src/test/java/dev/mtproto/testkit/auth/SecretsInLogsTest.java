package dev.mtproto.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.LoginException;
import dev.mtproto.auth.QrLogin;
import dev.mtproto.auth.SignedIn;
import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.auth.AcceptLoginToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Issue 7's bar: no secret (api hash, bot token, login code, password, auth key) appears in any log line,
 * at any level, or in the {@code toString()} of what the flows hand out, while every flow runs, succeeds and
 * fails.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsInLogsTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        ((Logger) LoggerFactory.getLogger("dev.mtproto")).setLevel(Level.ALL);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("dev.mtproto")).setLevel(Level.INFO);
    }

    private List<String> logged() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            lines.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        return lines;
    }

    @Test
    void noFlowLogsOrShowsASecret() throws Exception {
        World world = TELEGRAM.cluster().world();
        Account bot = world.newBot("secret_test_bot").create();
        Account frank = world.newUser("+15552001").name("Frank").homeDc(2).password("s3cret-pass-phrase", "").create();
        MemorySessionStore store = new MemorySessionStore();
        ClientConfig config = TELEGRAM.cluster().clientConfig().sessionStore(store).build();
        List<String> shown = new ArrayList<>();
        shown.add(config.toString());
        String code;
        List<String> keys = new ArrayList<>();
        try (MtprotoClient client = MtprotoClient.create(config)) {
            Authenticator auth = Authenticator.of(client);
            try {
                auth.signInBot("123456:AAHwrongwrongwrongwrongwrongwrongwr").join();
            } catch (RuntimeException e) {
                shown.add(e.toString());
                shown.add(String.valueOf(e.getCause()));
            }
            SignedIn me = auth.signInBot(bot.botToken()).join();
            shown.add(me.toString());
            store.loadAuthorization(1).ifPresent(a -> {
                keys.add(HexFormat.of().formatHex(a.authKey().toByteArray()));
                shown.add(a.toString());
            });
        }
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore()).build())) {
            ScriptedFlow flow = new ScriptedFlow().phone("+15552001").code(r -> "99999")
                    .code(r -> world.loginCode("+15552001")).password("wrong-pass-phrase").password("s3cret-pass-phrase");
            code = null;
            shown.add(Authenticator.of(client).signIn(flow).join().toString());
            shown.add(flow.codeRequests.toString());
            shown.add(flow.passwordRequests.toString());
            code = world.lastLoginCode("+15552001").orElseThrow();
            try (MtprotoClient desktop = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore()).build())) {
                ScriptedFlow qrFlow = new ScriptedFlow().password("s3cret-pass-phrase");
                CompletableFuture<SignedIn> qr = Authenticator.of(desktop).signInWithQr(qrFlow, Duration.ofSeconds(30));
                QrLogin token = qrFlow.firstQr.get(10, TimeUnit.SECONDS);
                shown.add(token.toString());
                client.invoke(new AcceptLoginToken(token.token())).join();
                qr.get(20, TimeUnit.SECONDS);
                String link = token.link().substring("tg://login?token=".length());
                assertThat(logged()).noneMatch(l -> l.contains(link));
                assertThat(shown).noneMatch(s -> s.contains(link));
            }
        } catch (LoginException e) {
            throw new AssertionError(e);
        }
        List<String> secrets = new ArrayList<>(List.of(TestCluster.TEST_API_HASH, bot.botToken(), bot.botToken().split(":")[1],
                "AAHwrongwrongwrongwrongwrongwrongwr", "s3cret-pass-phrase", "wrong-pass-phrase"));
        secrets.add(code);
        secrets.addAll(keys);
        assertThat(logged()).as("lines logged").isNotEmpty();
        for (String secret : secrets) {
            assertThat(logged()).as("log lines containing a secret").noneMatch(l -> l.contains(secret));
            assertThat(shown).as("toString() containing a secret").noneMatch(s -> s.contains(secret));
        }
    }
}
