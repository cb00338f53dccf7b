package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldPeople.inputPeerChannel;
import static dev.mtproto.testkit.world.WorldPeople.inputUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.InputMessagesFilterEmpty;
import dev.mtproto.tl.api.InputMessagesFilterPhotos;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import dev.mtproto.tl.api.messages.MessagesType;
import dev.mtproto.tl.api.messages.Search;
import dev.mtproto.tl.api.messages.SearchGlobal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code messages.search} and {@code messages.searchGlobal} over the world's messages
 * (https://core.telegram.org/method/messages.search, https://core.telegram.org/method/messages.searchGlobal).
 */
class SearchTest {
    private static final MutableClock CLOCK = new MutableClock();
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).clock(CLOCK));

    private static WorldPeople people;

    @BeforeAll
    static void people() {
        people = new WorldPeople(TELEGRAM.cluster(), "1877");
    }

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static List<String> texts(List<MessageType> messages) {
        return messages.stream().map(m -> ((Message) m).message()).toList();
    }

    private static Search search(InputPeer peer, String q, int offsetId, int addOffset, int limit) {
        return Search.builder().peer(peer).q(q).filter(InputMessagesFilterEmpty.INSTANCE).offsetId(offsetId).addOffset(addOffset)
                .limit(limit).minDate(0).maxDate(0).maxId(0).minId(0).hash(0L).build();
    }

    private static SearchGlobal global(String q, int rate, InputPeer peer, int offsetId, int limit) {
        return SearchGlobal.builder().q(q).filter(InputMessagesFilterEmpty.INSTANCE).offsetRate(rate).offsetPeer(peer).offsetId(offsetId)
                .limit(limit).minDate(0).maxDate(0).build();
    }

    @Test
    void searchInAChatMatchesWordsAndPagesLikeHistory() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        for (int i = 0; i < 5; i++) {
            world().send(bob).to(alice).text("Apple pie " + i);
            world().send(bob).to(alice).text("banana " + i);
        }
        try (WorldClient a = people.signedIn(alice)) {
            InputPeerUser toBob = inputUser(a, bob);
            MessagesSlice first = (MessagesSlice) a.call(search(toBob, "apple", 0, 0, 2));
            assertThat(first.count()).isEqualTo(5);
            assertThat(texts(first.messages())).containsExactly("Apple pie 4", "Apple pie 3");
            int last = ((Message) first.messages().get(1)).id();
            MessagesSlice next = (MessagesSlice) a.call(search(toBob, "apple", last, 0, 2));
            assertThat(texts(next.messages())).containsExactly("Apple pie 2", "Apple pie 1");
            MessagesSlice tail = (MessagesSlice) a.call(search(toBob, "apple", ((Message) next.messages().get(1)).id(), 0, 2));
            assertThat(texts(tail.messages())).as("the last page is partial").containsExactly("Apple pie 0");
            MessagesSlice back = (MessagesSlice) a.call(search(toBob, "apple", last, -1, 2));
            assertThat(texts(back.messages())).as("add_offset -1 starts one newer").containsExactly("Apple pie 3", "Apple pie 2");

            Messages exact = (Messages) a.call(search(toBob, "PIE", 0, 0, 5));
            assertThat(exact.messages()).as("exactly one page: messages.messages").hasSize(5);
            assertThat(((Messages) a.call(search(toBob, "pi 2", 0, 0, 10))).messages()).as("each word starts a word").hasSize(1);
            assertThat(((Messages) a.call(search(toBob, "ple", 0, 0, 10))).messages()).as("not inside a word").isEmpty();
            assertThat(((Messages) a.call(search(toBob, "cherry", 0, 0, 10))).messages()).isEmpty();
            Search photos = search(toBob, "apple", 0, 0, 10).toBuilder().filter(InputMessagesFilterPhotos.INSTANCE).build();
            assertThat(((Messages) a.call(photos)).messages()).as("other filters find nothing").isEmpty();
            assertError(a.error(search(toBob, " ", 0, 0, 10)), 400, "SEARCH_QUERY_EMPTY");
        }
    }

    @Test
    void searchFiltersBySenderInGroupsAndAnswersChannelMessagesForChannels() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        WorldChat group = world().newGroup("Search group").members(alice, bob).create();
        WorldChat sg = world().newSupergroup("Search sg").username("search_sg_1877").members(alice, bob).create();
        world().send(alice).to(group).text("note from alice");
        world().send(bob).to(group).text("note from bob");
        world().send(bob).to(sg).text("note one");
        world().send(alice).to(sg).text("note two");
        try (WorldClient a = people.signedIn(alice)) {
            InputPeerUser bobPeer = inputUser(a, bob);
            Search fromBob = search(new InputPeerChat(group.id()), "note", 0, 0, 10).toBuilder().fromId(bobPeer).build();
            assertThat(texts(((Messages) a.call(fromBob)).messages())).containsExactly("note from bob");
            Search anyFromBob = search(new InputPeerChat(group.id()), "", 0, 0, 10).toBuilder().fromId(bobPeer).build();
            assertThat(texts(((Messages) a.call(anyFromBob)).messages())).as("an empty q with from_id").containsExactly("note from bob");
            ChannelMessages inSg = (ChannelMessages) a.call(search(inputPeerChannel(a, "search_sg_1877"), "note", 0, 0, 1));
            assertThat(inSg.count()).isEqualTo(2);
            assertThat(texts(inSg.messages())).containsExactly("note two");
            assertThat(((Message) inSg.messages().get(0)).out()).isTrue();
            assertThat(texts(((Messages) a.call(search(InputPeerEmpty.INSTANCE, "note", 0, 0, 10))).messages()))
                    .as("inputPeerEmpty: private chats and basic groups, not channels").containsExactly("note from bob", "note from alice");
        }
    }

    @Test
    void searchGlobalPagesAcrossEveryChatByRatePeerAndId() {
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        WorldChat group = world().newGroup("Global group").members(alice, bob).create();
        WorldChat channel = world().newChannel("Global news").username("global_news_1877").members(alice).create();
        WorldChat elsewhere = world().newGroup("Not Alice's").members(bob, carol).create();
        world().send(bob).to(alice).text("match 1");
        CLOCK.advance(Duration.ofSeconds(1));
        world().send(carol).to(alice).text("match 2");
        world().send(bob).to(group).text("match 3");
        CLOCK.advance(Duration.ofSeconds(1));
        world().send(bob).to(alice).text("other");
        world().send(alice).to(channel).text("match 4");
        world().send(bob).to(elsewhere).text("match hidden");
        try (WorldClient a = people.signedIn(alice)) {
            List<String> seen = new ArrayList<>();
            MessagesType page = a.call(global("match", 0, InputPeerEmpty.INSTANCE, 0, 3));
            MessagesSlice slice = (MessagesSlice) page;
            assertThat(slice.count()).isEqualTo(4);
            assertThat(slice.nextRate()).isEqualTo(((Message) slice.messages().get(2)).date());
            seen.addAll(texts(slice.messages()));
            Message last = (Message) slice.messages().get(2);
            InputPeer lastPeer = last.peerId() instanceof PeerUser u ? inputUser(a, world().accounts().byId(u.userId()).orElseThrow())
                    : last.peerId() instanceof PeerChat c ? new InputPeerChat(c.chatId()) : inputPeerChannel(a, "global_news_1877");
            MessagesSlice rest = (MessagesSlice) a.call(global("match", slice.nextRate(), lastPeer, last.id(), 3));
            seen.addAll(texts(rest.messages()));
            assertThat(seen).containsExactly("match 4", "match 3", "match 2", "match 1");
            assertThat(rest.messages()).hasSize(1);
            assertThat(rest.chats()).isEmpty();
            Messages all = (Messages) a.call(global("match", 0, InputPeerEmpty.INSTANCE, 0, 4));
            assertThat(all.messages()).as("exactly one page").hasSize(4);
            assertThat(((Message) all.messages().get(0)).peerId()).isEqualTo(new PeerChannel(channel.id()));
            assertThat(all.chats()).hasSize(2);
            assertThat(((Messages) a.call(global("nothing", 0, InputPeerEmpty.INSTANCE, 0, 10))).messages()).isEmpty();
            SearchGlobal usersOnly = global("match", 0, InputPeerEmpty.INSTANCE, 0, 10).toBuilder().usersOnly(true).build();
            assertThat(texts(((Messages) a.call(usersOnly)).messages())).containsExactly("match 2", "match 1");
        }
    }

    @Test
    void botsMayNotSearchGlobally() {
        try (WorldClient b = people.signedIn(people.bot("Seeker"))) {
            assertError(b.error(global("x", 0, InputPeerEmpty.INSTANCE, 0, 10)), 400, "BOT_METHOD_INVALID");
        }
    }
}
