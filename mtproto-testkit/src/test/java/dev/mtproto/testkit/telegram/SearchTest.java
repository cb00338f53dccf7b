package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code TelegramClient.search} and {@code searchGlobal} as lazy streams against the test DC's world. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SearchTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    @Test
    void aChatIsSearchedNewestFirstAcrossPages() {
        Account alice = world().newUser("+17810000001").name("Alice").create();
        Account bob = world().newUser("+17810000002").name("Bob").username("bob_searched").create();
        for (int i = 0; i < 150; i++) {
            world().send(bob).to(alice).text("apple " + i);
            if (i % 5 == 0) {
                world().send(bob).to(alice).text("banana " + i);
            }
        }
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), alice)) {
            client.resolve("@bob_searched").join();
            ChatRef withBob = new ChatRef(ChatKind.PRIVATE, bob.id(), Optional.empty());
            List<MessageView> apples = client.search(withBob, "Apple").toList();
            assertThat(apples).hasSize(150).allMatch(m -> m.text().startsWith("apple "));
            assertThat(apples.get(0).text()).isEqualTo("apple 149");
            assertThat(apples.get(149).text()).isEqualTo("apple 0");
            assertThat(apples).extracting(MessageView::id).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(client.search(withBob, "banana").map(MessageView::text).limit(2).toList()).containsExactly("banana 145", "banana 140");
            assertThat(client.search(withBob, "cherry").toList()).isEmpty();
        }
    }

    @Test
    void aGroupIsSearchedForOneSendersMessages() {
        Account alice = world().newUser("+17810000003").name("Alice").create();
        Account bob = world().newUser("+17810000004").name("Bob").username("bob_in_group").create();
        WorldChat group = world().newGroup("Searchable").members(alice, bob).create();
        world().send(alice).to(group).text("report by alice");
        world().send(bob).to(group).text("report by bob");
        world().send(bob).to(group).text("lunch?");
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), alice)) {
            client.resolve("@bob_in_group").join();
            ChatRef chat = new ChatRef(ChatKind.GROUP, group.id(), Optional.empty());
            assertThat(client.search(chat, "report").map(MessageView::text).toList()).containsExactly("report by bob", "report by alice");
            assertThat(client.search(chat, "", OptionalLong.of(bob.id())).map(MessageView::text).toList()).containsExactly("lunch?", "report by bob");
            assertThat(client.search(chat, "report", OptionalLong.of(bob.id())).findFirst()).hasValueSatisfying(m -> {
                assertThat(m.senderId()).hasValue(bob.id());
                assertThat(m.chat().kind()).isEqualTo(ChatKind.GROUP);
            });
        }
    }

    @Test
    void aGlobalSearchCoversEveryChatOfTheAccountAndPages() {
        Account carol = world().newUser("+17810000005").name("Carol").create();
        Account dave = world().newUser("+17810000006").name("Dave").create();
        WorldChat group = world().newGroup("Global").members(carol, dave).create();
        WorldChat supergroup = world().newSupergroup("Global super").members(carol, dave).create();
        WorldChat notCarols = world().newGroup("Dave alone").members(dave).create();
        for (int i = 0; i < 60; i++) {
            world().send(dave).to(carol).text("needle private " + i);
            world().send(dave).to(group).text("needle group " + i);
            world().send(dave).to(supergroup).text("needle super " + i);
            world().send(dave).to(notCarols).text("needle hidden " + i);
        }
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), carol)) {
            List<MessageView> found = client.searchGlobal("needle").toList();
            assertThat(found).hasSize(180).noneMatch(m -> m.text().contains("hidden"));
            assertThat(found).extracting(m -> m.chat().kind() + "/" + m.id()).doesNotHaveDuplicates();
            assertThat(found).extracting(MessageView::date).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(found.stream().filter(m -> m.chat().kind() == ChatKind.SUPERGROUP).count()).isEqualTo(60);
            assertThat(found.stream().filter(m -> m.chat().kind() == ChatKind.SUPERGROUP)).allMatch(m -> m.chat().title().equals(Optional.of("Global super")));
        }
    }

    @Test
    void botsMayNotSearchGloballyAndAStoppedClientsStreamEnds() {
        Account botAccount = world().newBot("global_search_bot").create();
        Account erin = world().newUser("+17810000007").name("Erin").create();
        try (TelegramClient bot = Clients.bot(TELEGRAM.cluster())) {
            bot.startBot(botAccount.botToken()).join();
            CompletionException e = Assertions.assertThrows(CompletionException.class, () -> bot.searchGlobal("x").toList());
            assertThat(e.getCause()).isInstanceOf(RpcException.class).hasMessageContaining("BOT_METHOD_INVALID");
        }
        world().send(erin).to(erin).text("note to self");
        TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), erin);
        Stream<MessageView> notes = client.searchGlobal("note");
        client.close();
        assertThat(notes.toList()).as("a stream consumed after stop ends at once").isEmpty();
    }
}
