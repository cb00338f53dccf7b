package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldPeople.inputChannel;
import static dev.mtproto.testkit.world.WorldPeople.inputUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.ChatBannedRights;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.MessageActionChatAddUser;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.channels.EditBanned;
import dev.mtproto.tl.api.channels.InviteToChannel;
import dev.mtproto.tl.api.channels.LeaveChannel;
import dev.mtproto.tl.api.messages.AddChatUser;
import dev.mtproto.tl.api.messages.DeleteChatUser;
import dev.mtproto.tl.api.messages.InvitedUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Adding, removing and banning members through the world's functions (https://core.telegram.org/api/channel). */
class MembersTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static WorldPeople people;

    @BeforeAll
    static void people() {
        people = new WorldPeople(TELEGRAM.cluster(), "1879");
    }

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static InputUser asInputUser(InputPeerUser p) {
        return new InputUser(p.userId(), p.accessHash());
    }

    @Test
    void aGroupMemberAddsSomeoneAndOnlyAdminsRemoveOthers() {
        Account owner = people.person("Owner");
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        WorldChat group = world().newGroup("Adders").creator(owner).members(alice).create();
        try (WorldClient a = people.signedIn(alice)) {
            InvitedUsers invited = (InvitedUsers) a.call(new AddChatUser(group.id(), asInputUser(inputUser(a, bob)), 0));
            assertThat(invited.missingInvitees()).isEmpty();
            Updates u = (Updates) invited.updates();
            MessageService service = (MessageService) ((UpdateNewMessage) u.updates().get(0)).message();
            assertThat(service.action()).isEqualTo(new MessageActionChatAddUser(List.of(bob.id())));
            assertThat(service.out()).isTrue();
            assertThat(world().chats().byId(group.id()).orElseThrow().isMember(bob.id())).isTrue();
            assertError(a.error(new AddChatUser(group.id(), asInputUser(inputUser(a, bob)), 0)), 400, "USER_ALREADY_PARTICIPANT");
            assertError(a.error(new DeleteChatUser(false, group.id(), asInputUser(inputUser(a, bob)))), 400, "CHAT_ADMIN_REQUIRED");
        }
        try (WorldClient o = people.signedIn(owner)) {
            o.call(new DeleteChatUser(false, group.id(), asInputUser(inputUser(o, bob))));
            assertThat(world().chats().byId(group.id()).orElseThrow().isMember(bob.id())).isFalse();
        }
    }

    @Test
    void channelAdminsInviteAndBanAndMembersLeave() {
        Account owner = people.person("Caster");
        Account reader = people.person("Reader");
        Account other = people.person("Other");
        WorldChat channel = world().newChannel("Invites").username("invites_1879").creator(owner).members(reader).create();
        try (WorldClient r = people.signedIn(reader)) {
            assertError(r.error(new InviteToChannel(inputChannel(r, "invites_1879"), List.of(asInputUser(inputUser(r, other))))), 400,
                    "CHAT_ADMIN_REQUIRED");
        }
        try (WorldClient o = people.signedIn(owner)) {
            o.call(new InviteToChannel(inputChannel(o, "invites_1879"), List.of(asInputUser(inputUser(o, other)))));
            assertThat(world().chats().byId(channel.id()).orElseThrow().isMember(other.id())).isTrue();
            ChatBannedRights ban = ChatBannedRights.builder().viewMessages(true).untilDate(0).build();
            o.call(new EditBanned(inputChannel(o, "invites_1879"), inputUser(o, other), ban));
            assertThat(world().chats().byId(channel.id()).orElseThrow().isMember(other.id())).isFalse();
        }
        try (WorldClient r = people.signedIn(reader)) {
            r.call(new LeaveChannel(inputChannel(r, "invites_1879")));
            assertThat(world().chats().byId(channel.id()).orElseThrow().isMember(reader.id())).isFalse();
            assertError(r.error(new LeaveChannel(inputChannel(r, "invites_1879"))), 400, "USER_NOT_PARTICIPANT");
        }
    }
}
