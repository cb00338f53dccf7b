package dev.mtproto.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.LoginException;
import dev.mtproto.auth.QrLogin;
import dev.mtproto.auth.SignedIn;
import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.string.SessionString;
import dev.mtproto.store.string.StringSessionStore;
import dev.mtproto.testkit.DcKey;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.logging.LogCaptureExtension;
import dev.mtproto.testkit.logging.SecretScan;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.auth.AcceptLoginToken;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * No secret (api hash, bot token, login code, password, QR token, auth keys permanent and temporary, string
 * sessions) appears in any log line of any logger at any level down to TRACE, or in the {@code toString()}
 * of what the flows hand out, while the flows run, succeed and fail: sign-in as a bot and a person (code,
 * 2FA), QR login, string session export and import, key exchange and perfect forward secrecy.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsInLogsTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    @RegisterExtension
    final LogCaptureExtension logs = new LogCaptureExtension();
    private final List<String> shown = new ArrayList<>();
    private final SecretScan secrets = SecretScan.create().text(TestCluster.TEST_API_HASH);

    /** Adds every key the cluster's DCs hold (permanent and temporary) and checks logs and texts shown. */
    private void assertNothingLeaked() {
        secrets.authKeysOf(TELEGRAM.cluster());
        assertThat(LoggerFactory.getLogger("dev.mtproto.keyexchange").isTraceEnabled()).as("TRACE is captured").isTrue();
        secrets.assertNoneIn(logs.capture().texts());
        secrets.assertNoneIn(shown);
    }

    @Test
    void signInsAndQrLoginLogAndShowNoSecret() throws Exception {
        World world = TELEGRAM.cluster().world();
        Account bot = world.newBot("secret_test_bot").create();
        world.newUser("+15552001").name("Frank").homeDc(2).password("s3cret-pass-phrase", "").create();
        MemorySessionStore store = new MemorySessionStore();
        ClientConfig config = TELEGRAM.cluster().clientConfig().sessionStore(store).build();
        shown.add(config.toString());
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
            store.loadAuthorization(1).ifPresent(a -> shown.add(a.toString()));
        }
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore()).build())) {
            ScriptedFlow flow = new ScriptedFlow().phone("+15552001").code(r -> "99999")
                    .code(r -> world.logins().code("+15552001")).password("wrong-pass-phrase").password("s3cret-pass-phrase");
            shown.add(Authenticator.of(client).signIn(flow).join().toString());
            shown.add(flow.codeRequests.toString());
            shown.add(flow.passwordRequests.toString());
            secrets.text(world.logins().lastCode("+15552001").orElseThrow());
            try (MtprotoClient desktop = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore()).build())) {
                ScriptedFlow qrFlow = new ScriptedFlow().password("s3cret-pass-phrase");
                CompletableFuture<SignedIn> qr = Authenticator.of(desktop).signInWithQr(qrFlow, Duration.ofSeconds(30));
                QrLogin token = qrFlow.firstQr.get(10, TimeUnit.SECONDS);
                shown.add(token.toString());
                client.invoke(new AcceptLoginToken(token.token())).join();
                shown.add(qr.get(20, TimeUnit.SECONDS).toString());
                secrets.bytes(token.token()).text(token.link().substring("tg://login?token=".length()));
            }
        } catch (LoginException e) {
            throw new AssertionError(e);
        }
        secrets.text(bot.botToken()).text(bot.botToken().split(":")[1]).text("AAHwrongwrongwrongwrongwrongwrongwr")
                .text("s3cret-pass-phrase").text("wrong-pass-phrase");
        assertThat(logs.capture().texts()).as("lines logged (the wrong token at least)").isNotEmpty();
        assertNothingLeaked();
    }

    @Test
    void stringSessionExportAndImportLogAndShowNoSecret() throws Exception {
        Account bot = TELEGRAM.cluster().world().newBot("string_secret_bot").create();
        StringSessionStore first = StringSessionStore.empty();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(first).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
        }
        String exported = first.exportString();
        assertThat(SessionString.looksLikeOne(exported)).isTrue();
        StringSessionStore imported = StringSessionStore.of(exported);
        shown.add(first.toString());
        shown.add(imported.toString());
        shown.add(imported.snapshot().toString());
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(imported).build())) {
            shown.add(client.invoke(GetNearestDc.INSTANCE).get(20, TimeUnit.SECONDS).toString());
        }
        try {
            StringSessionStore.of(exported.substring(0, exported.length() - 5));
        } catch (RuntimeException e) {
            shown.add(e.toString());
        }
        secrets.text(exported.substring(SessionString.PREFIX.length() + 2)).text(bot.botToken().split(":")[1]);
        assertNothingLeaked();
    }

    @Test
    void keyExchangeAndTemporaryKeysLogAndShowNoKey() throws Exception {
        Account bot = TELEGRAM.cluster().world().newBot("pfs_secret_bot").create();
        MemorySessionStore store = new MemorySessionStore();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store)
                .perfectForwardSecrecy(Duration.ofHours(1)).build())) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
            shown.add(client.invoke(GetNearestDc.INSTANCE).get(20, TimeUnit.SECONDS).toString());
            shown.add(client.toString());
        }
        assertThat(TELEGRAM.cluster().dc(1).inspection().authKeys()).as("a permanent and a temporary key")
                .anyMatch(DcKey::temporary).anyMatch(k -> !k.temporary());
        store.loadAuthorization(1).ifPresent(a -> shown.add(a.toString()));
        secrets.text(bot.botToken().split(":")[1]);
        assertNothingLeaked();
    }
}
