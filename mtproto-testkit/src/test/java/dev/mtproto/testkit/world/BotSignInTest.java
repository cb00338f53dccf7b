package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.RawClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.ImportBotAuthorization;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bots sign in with their tokens (https://core.telegram.org/api/bots, https://core.telegram.org/method/auth.importBotAuthorization). */
class BotSignInTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static ImportBotAuthorization importBot(String token) {
        return new ImportBotAuthorization(0, TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH, token);
    }

    @Test
    void aBotSignsInWithTheTokenBotFatherGaveAndIsItselfToGetMe() {
        Account bot = world().newBot("echo_bot").name("Echo").homeDc(1).create();
        assertThat(bot.botToken()).matches(bot.id() + ":AA[A-Za-z0-9_-]{33}");
        assertThat(bot.toString()).doesNotContain(bot.botToken().substring(bot.botToken().indexOf(':')));
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            Authorization signedIn = client.botSignIn(1, bot.botToken());
            User me = (User) signedIn.user();
            assertThat(me.bot()).isTrue();
            assertThat(me.self()).isTrue();
            assertThat(me.id()).isEqualTo(bot.id());
            assertThat(me.username()).isEqualTo("echo_bot");
            assertThat(me.firstName()).isEqualTo("Echo");
            assertThat(me.botInfoVersion()).isNotNull();
            assertThat(me.phone()).isNull();
            assertThat(signedIn.futureAuthToken()).as("bots log in with their token only").isNull();
            assertThat(client.call(GET_ME)).containsExactly(me);
            assertThat(world().logins().signedIn(1, client.authKey(1).id())).contains(bot);
        }
    }

    @Test
    void aBotOnAnotherDcIsSentThereWithUserMigrate() {
        Account bot = world().newBot("far_away_bot").homeDc(2).create();
        try (RawClient raw = RawClient.connect(TELEGRAM.cluster().dc(1), 1)) {
            RawCalls.assertRpcError(raw.call(importBot(bot.botToken())), 303, "USER_MIGRATE_2");
        }
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            assertThat(((User) client.botSignIn(2, bot.botToken()).user()).id()).isEqualTo(bot.id());
        }
    }

    @Test
    void aTokenThatIsNoBotsAndAnAppThatIsNoneAreRefused() {
        Account bot = world().newBot("picky_bot").homeDc(1).create();
        String wrongSecret = bot.id() + ":AA" + "x".repeat(33);
        try (WorldClient client = WorldClient.on(TELEGRAM.cluster(), 1)) {
            for (String token : List.of(wrongSecret, "123:short", "not a token", "")) {
                RpcException e = client.error(importBot(token));
                assertThat(e.code()).isEqualTo(400);
                assertThat(e.errorMessage()).as(token).isEqualTo("ACCESS_TOKEN_INVALID");
            }
            RpcException noApp = client.error(new ImportBotAuthorization(0, TestCluster.TEST_API_ID, "", bot.botToken()));
            assertThat(noApp.errorMessage()).isEqualTo("API_ID_INVALID");
        }
    }

    @Test
    void botFatherRulesForUsernamesAndTokensHold() {
        assertThat(world().newBot("fixed_bot").token("4242:AAfixedfixedfixedfixedfixedfixedfix").create().botToken())
                .isEqualTo("4242:AAfixedfixedfixedfixedfixedfixedfix");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world().newBot("not_a_b0t").create())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bot");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world().newBot("fixed_bot").create())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
    }
}
