package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.bots.InlineResults;
import dev.mtproto.tl.api.InlineQueryPeerTypeMegagroup;
import dev.mtproto.tl.api.InlineQueryPeerTypePM;
import dev.mtproto.tl.api.InlineQueryPeerTypeSameBotPM;
import dev.mtproto.tl.api.InputBotInlineMessageText;
import dev.mtproto.tl.api.InputBotInlineResult;
import dev.mtproto.tl.api.InputBotInlineResultType;
import dev.mtproto.tl.api.UpdateBotInlineQuery;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.messages.SetInlineBotResults;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inline queries of scripted users and the bots' results over real MTProto
 * (https://core.telegram.org/api/bots/inline, https://core.telegram.org/method/messages.setInlineBotResults).
 */
class InlineQueryTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static World world;
    private static WorldPeople people;

    @BeforeAll
    static void world() {
        world = TELEGRAM.cluster().world();
        people = new WorldPeople(TELEGRAM.cluster(), "1558");
    }

    private static List<InputBotInlineResultType> results(int n) {
        return new ArrayList<>(IntStream.range(0, n).mapToObj(i -> (InputBotInlineResultType) InputBotInlineResult.builder().id("r" + i)
                .type("article").title("Result " + i).sendMessage(InputBotInlineMessageText.builder().message("text " + i).build()).build())
                .toList());
    }

    @Test
    void aQueryReachesTheBotAndItsResultsAreKept() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account bot = people.bot("Gif");
        try (WorldClient b = people.signedIn(bot)) {
            long q = world.as(alice).inlineQuery(bot, "cats", "");
            Updates pushed = (Updates) b.awaitPushed(1).get(0);
            UpdateBotInlineQuery u = (UpdateBotInlineQuery) pushed.updates().get(0);
            assertThat(u.queryId()).isEqualTo(q);
            assertThat(u.userId()).isEqualTo(alice.id());
            assertThat(u.query()).isEqualTo("cats");
            assertThat(u.offset()).isEmpty();
            assertThat(u.peerType()).isEqualTo(InlineQueryPeerTypeSameBotPM.INSTANCE);
            assertThat(pushed.seq()).isZero();
            assertThat(pushed.users()).singleElement().satisfies(x -> assertThat(((User) x).id()).isEqualTo(alice.id()));

            long next = world.as(alice).inlineQuery(bot, "cats", "10", bob);
            UpdateBotInlineQuery u2 = (UpdateBotInlineQuery) ((Updates) b.awaitPushed(2).get(1)).updates().get(0);
            assertThat(u2.offset()).isEqualTo("10");
            assertThat(u2.peerType()).isEqualTo(InlineQueryPeerTypePM.INSTANCE);
            var lounge = world.newSupergroup("Gifs").members(alice, bot).create();
            int before = b.pushedCount();
            world.as(alice).inlineQuery(bot, "dogs", "", lounge);
            UpdateBotInlineQuery u3 = (UpdateBotInlineQuery) ((Updates) b.awaitPushed(before + 1).get(before)).updates().get(0);
            assertThat(u3.peerType()).isEqualTo(InlineQueryPeerTypeMegagroup.INSTANCE);

            assertThat(world.botQueries().inlineResults(q)).isEmpty();
            assertError(b.error(SetInlineBotResults.builder().queryId(q).results(results(51)).cacheTime(0).build()), 400, "RESULTS_TOO_MUCH");
            List<InputBotInlineResultType> twice = results(2);
            twice.add(twice.get(0));
            assertError(b.error(SetInlineBotResults.builder().queryId(q).results(twice).cacheTime(0).build()), 400, "RESULT_ID_DUPLICATE");
            assertThat(b.call(SetInlineBotResults.builder().queryId(q).results(results(50)).cacheTime(300).nextOffset("10").private_(true)
                    .build())).isEqualTo(true);
            InlineResults kept = world.botQueries().inlineResults(q).orElseThrow();
            assertThat(kept.results()).hasSize(50);
            assertThat(kept.nextOffset()).isEqualTo("10");
            assertThat(kept.cacheTime()).isEqualTo(300);
            assertThat(kept.personal()).isTrue();
            assertError(b.error(SetInlineBotResults.builder().queryId(q).results(List.of()).cacheTime(0).build()), 400, "QUERY_ID_INVALID");
            assertError(b.error(SetInlineBotResults.builder().queryId(7).results(List.of()).cacheTime(0).build()), 400, "QUERY_ID_INVALID");
            try (WorldClient a = people.signedIn(alice)) {
                assertError(a.error(SetInlineBotResults.builder().queryId(next).results(List.of()).cacheTime(0).build()), 400,
                        "USER_BOT_REQUIRED");
            }
        }
        assertThatThrownBy(() -> world.as(alice).inlineQuery(bob, "x", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a bot");
    }
}
