package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.ParticipantRole;
import dev.mtproto.telegram.ParticipantView;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code TelegramClient.participants} for groups, supergroups and channels against the test DC's world. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParticipantsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    @Test
    void aSupergroupsMembersComeAcrossPagesWithTheirRoles() {
        Account owner = world().newUser("+17820000001").name("Olive", "Owner").username("olive_owner").create();
        Account admin = world().newUser("+17820000002").name("Adam").create();
        List<Account> members = new ArrayList<>();
        for (int i = 0; i < 210; i++) {
            members.add(world().newUser("+1782010" + String.format("%04d", i)).name("Member " + i).create());
        }
        List<Account> all = new ArrayList<>(members);
        all.add(admin);
        WorldChat sg = world().newSupergroup("Crowd").username("crowd_sg").creator(owner).admins(admin).members(all.toArray(Account[]::new)).create();
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), members.get(0))) {
            client.resolve("@crowd_sg").join();
            List<ParticipantView> list = client.participants(new ChatRef(ChatKind.SUPERGROUP, sg.id(), Optional.empty())).toList();
            assertThat(list).hasSize(212).extracting(ParticipantView::userId).doesNotHaveDuplicates();
            Map<Long, ParticipantView> byId = list.stream().collect(Collectors.toMap(ParticipantView::userId, p -> p));
            ParticipantView creator = byId.get(owner.id());
            assertThat(creator.role()).isEqualTo(ParticipantRole.CREATOR);
            assertThat(creator.name()).hasValue("Olive Owner");
            assertThat(creator.username()).hasValue("olive_owner");
            assertThat(creator.joined()).isEmpty();
            assertThat(byId.get(admin.id()).role()).isEqualTo(ParticipantRole.ADMIN);
            assertThat(byId.get(members.get(0).id()).role()).as("the caller itself").isEqualTo(ParticipantRole.MEMBER);
            assertThat(byId.get(members.get(209).id()).role()).isEqualTo(ParticipantRole.MEMBER);
            assertThat(byId.get(members.get(209).id()).joined()).isPresent();
        }
    }

    @Test
    void aBasicGroupsMembersComeFromTheFullChat() {
        Account owner = world().newUser("+17820000003").name("Gwen").create();
        Account other = world().newUser("+17820000004").name("Hal").create();
        WorldChat group = world().newGroup("Small").creator(owner).members(other).create();
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), other)) {
            List<ParticipantView> list = client.participants(new ChatRef(ChatKind.GROUP, group.id(), Optional.empty())).toList();
            assertThat(list).extracting(ParticipantView::userId).containsExactly(owner.id(), other.id());
            assertThat(list).extracting(ParticipantView::role).containsExactly(ParticipantRole.CREATOR, ParticipantRole.MEMBER);
            assertThat(list.get(0).name()).hasValue("Gwen");
        }
    }

    @Test
    void aBroadcastChannelsMembersAreForAdminsOnly() {
        Account owner = world().newUser("+17820000005").name("Ivy").create();
        Account reader = world().newUser("+17820000006").name("Jo").create();
        WorldChat channel = world().newChannel("News").username("news_for_admins").creator(owner).members(reader).create();
        ChatRef chat = new ChatRef(ChatKind.CHANNEL, channel.id(), Optional.empty());
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), reader)) {
            client.resolve("@news_for_admins").join();
            CompletionException e = Assertions.assertThrows(CompletionException.class, () -> client.participants(chat).toList());
            assertThat(e.getCause()).isInstanceOf(RpcException.class).hasMessageContaining("CHAT_ADMIN_REQUIRED");
            Assertions.assertThrows(IllegalArgumentException.class,
                    () -> client.participants(new ChatRef(ChatKind.PRIVATE, owner.id(), Optional.empty())).toList());
        }
        try (TelegramClient client = Clients.signedIn(TELEGRAM.cluster(), owner)) {
            client.resolve("@news_for_admins").join();
            assertThat(client.participants(chat).map(ParticipantView::role).toList()).containsExactly(ParticipantRole.MEMBER, ParticipantRole.CREATOR);
        }
    }
}
