package dev.mtproto.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.LoginError;
import dev.mtproto.auth.LoginException;
import dev.mtproto.auth.QrLogin;
import dev.mtproto.auth.SignedIn;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.auth.AcceptLoginToken;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** QR login (https://core.telegram.org/api/qr-login): a token shown, accepted by another signed-in client. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class QrSignInTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static MtprotoClient client() {
        return MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore()).build());
    }

    /** The phone the person scans with: signed in as them (on their own DC). */
    private static MtprotoClient phoneOf(Account person, String password) {
        MtprotoClient phone = client();
        ScriptedFlow flow = new ScriptedFlow().phone(person.phone()).code(r -> world().logins().code(person.phone()));
        if (password != null) {
            flow.password(password);
        }
        Authenticator.of(phone).signIn(flow).join();
        return phone;
    }

    @Test
    void aTokenScannedOnAnotherDcSignsInWithTwoFactorAfterTheScan() throws Exception {
        Account erin = world().newUser("+15551001").name("Erin").homeDc(2).password("hunter2", "").create();
        try (MtprotoClient phone = phoneOf(erin, "hunter2"); MtprotoClient desktop = client()) {
            ScriptedFlow flow = new ScriptedFlow().password("hunter2");
            CompletableFuture<SignedIn> signIn = Authenticator.of(desktop).signInWithQr(flow, Duration.ofSeconds(30));
            QrLogin shown = flow.firstQr.get(10, TimeUnit.SECONDS);
            assertThat(shown.link()).startsWith("tg://login?token=");
            assertThat(shown.toString()).doesNotContain(shown.link().substring(17));
            phone.invoke(new AcceptLoginToken(shown.token())).join();
            SignedIn me = signIn.get(20, TimeUnit.SECONDS);
            assertThat(me.userId()).isEqualTo(erin.id());
            assertThat(desktop.homeDc()).as("loginTokenMigrateTo followed").isEqualTo(2);
            assertThat(flow.passwordRequests).hasSize(1);
        }
    }

    @Test
    void aTokenNobodyScansEndsTheSignInWhenTheWaitIsOver() {
        try (MtprotoClient desktop = client()) {
            ScriptedFlow flow = new ScriptedFlow();
            Throwable t = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> Authenticator.of(desktop).signInWithQr(flow, Duration.ofSeconds(2)).join()).getCause();
            assertThat(t).isInstanceOf(LoginException.class);
            assertThat(((LoginException) t).error()).isEqualTo(LoginError.AUTH_TOKEN_EXPIRED);
            assertThat(flow.qrCodes).isNotEmpty();
        }
    }
}
