package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ParticipantRole;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.MessageActionChatAddUser;
import dev.mtproto.tl.api.MessageActionChatDeleteUser;
import dev.mtproto.tl.api.MessageService;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Members joining and leaving end to end: admin bots get {@link TelegramUpdate.MemberChange}
 * ({@code updateChannelParticipant}, {@code updateChatParticipant}, https://core.telegram.org/constructor/updateChannelParticipant),
 * members the service messages.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemberChangesTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static List<Object> actions(Account who, long chatId) {
        return world().history(who).stream().filter(e -> e.message() instanceof MessageService s && e.channelId() == chatId || e.message() instanceof MessageService
                && e.peer() instanceof dev.mtproto.tl.api.PeerChat p && p.chatId() == chatId).map(e -> (Object) ((MessageService) e.message()).action()).toList();
    }

    @Test
    void anAdminBotSeesJoinsAndLeavesAndMembersSeeTheServiceMessages() throws InterruptedException {
        Account botAccount = world().newBot("member_watch_bot").create();
        Account alice = world().newUser("+17860000001").name("Alice").create();
        Account carol = world().newUser("+17860000002").name("Carol").create();
        Account dave = world().newUser("+17860000003").name("Dave").create();
        WorldChat sg = world().newSupergroup("Open house").username("open_house_sg").creator(alice).members(botAccount).admins(botAccount).create();
        WorldChat group = world().newGroup("Club").creator(alice).members(botAccount).admins(botAccount).create();
        WorldChat plain = world().newGroup("Not watched").creator(alice).create();
        Queue<TelegramUpdate.MemberChange> seen = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = Clients.bot(TELEGRAM.cluster())) {
            bot.onMemberChange(seen::add);
            bot.startBot(botAccount.botToken()).join();
            world().as(alice).add(plain, dave);
            world().as(carol).join(sg);
            Clients.await(() -> !seen.isEmpty(), "Carol's join");
            TelegramUpdate.MemberChange joined = seen.poll();
            assertThat(joined.chat().kind()).isEqualTo(ChatKind.SUPERGROUP);
            assertThat(joined.chat().id()).as("nothing from the group where the bot is no member").isEqualTo(sg.id());
            assertThat(joined.userId()).isEqualTo(carol.id());
            assertThat(joined.actorId()).isEqualTo(carol.id());
            assertThat(joined.oldRole()).isEqualTo(ParticipantRole.LEFT);
            assertThat(joined.newRole()).isEqualTo(ParticipantRole.MEMBER);
            assertThat(actions(alice, sg.id())).singleElement().isInstanceOf(MessageActionChatAddUser.class);

            world().as(carol).leave(sg);
            Clients.await(() -> !seen.isEmpty(), "Carol's leave");
            TelegramUpdate.MemberChange left = seen.poll();
            assertThat(left.oldRole()).isEqualTo(ParticipantRole.MEMBER);
            assertThat(left.newRole()).isEqualTo(ParticipantRole.LEFT);
            assertThat(actions(carol, sg.id())).as("the one who left sees it too").last().isInstanceOf(MessageActionChatDeleteUser.class);

            world().as(alice).add(group, dave);
            Clients.await(() -> !seen.isEmpty(), "Dave added to the group");
            TelegramUpdate.MemberChange added = seen.poll();
            assertThat(added.chat().kind()).isEqualTo(ChatKind.GROUP);
            assertThat(added.chat().id()).isEqualTo(group.id());
            assertThat(added.userId()).isEqualTo(dave.id());
            assertThat(added.actorId()).isEqualTo(alice.id());
            assertThat(added.newRole()).isEqualTo(ParticipantRole.MEMBER);
            assertThat(actions(dave, group.id())).singleElement().isInstanceOfSatisfying(MessageActionChatAddUser.class,
                    a -> assertThat(a.users()).containsExactly(dave.id()));

            world().as(alice).add(plain, botAccount);
            Clients.await(() -> !seen.isEmpty(), "the bot's own membership");
            TelegramUpdate.MemberChange own = seen.poll();
            assertThat(own.userId()).isEqualTo(botAccount.id());
            assertThat(own.chat().id()).isEqualTo(plain.id());
        }
    }
}
