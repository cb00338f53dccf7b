package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldClient.assertError;
import static dev.mtproto.testkit.world.WorldPeople.inputChannel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.ChannelParticipant;
import dev.mtproto.tl.api.ChannelParticipantAdmin;
import dev.mtproto.tl.api.ChannelParticipantCreator;
import dev.mtproto.tl.api.ChannelParticipantSelf;
import dev.mtproto.tl.api.ChannelParticipantType;
import dev.mtproto.tl.api.ChannelParticipantsAdmins;
import dev.mtproto.tl.api.ChannelParticipantsFilter;
import dev.mtproto.tl.api.ChannelParticipantsKicked;
import dev.mtproto.tl.api.ChannelParticipantsRecent;
import dev.mtproto.tl.api.ChannelParticipantsSearch;
import dev.mtproto.tl.api.ChatFull;
import dev.mtproto.tl.api.ChatParticipantCreator;
import dev.mtproto.tl.api.ChatParticipants;
import dev.mtproto.tl.api.ChatParticipantsForbidden;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.channels.ChannelParticipants;
import dev.mtproto.tl.api.channels.GetParticipants;
import dev.mtproto.tl.api.messages.GetFullChat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code channels.getParticipants} and {@code messages.getFullChat} (https://core.telegram.org/method/channels.getParticipants,
 * https://core.telegram.org/method/messages.getFullChat).
 */
class ParticipantsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static WorldPeople people;

    @BeforeAll
    static void people() {
        people = new WorldPeople(TELEGRAM.cluster(), "1878");
    }

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static ChannelParticipants page(WorldClient c, InputChannel ch, ChannelParticipantsFilter filter, int offset, int limit) {
        return (ChannelParticipants) c.call(new GetParticipants(ch, filter, offset, limit, 0));
    }

    private static long userOf(ChannelParticipantType p) {
        if (p instanceof ChannelParticipantCreator c) {
            return c.userId();
        } else if (p instanceof ChannelParticipantAdmin a) {
            return a.userId();
        } else if (p instanceof ChannelParticipantSelf s) {
            return s.userId();
        }
        return ((ChannelParticipant) p).userId();
    }

    @Test
    void aSupergroupsMembersArePagedMostRecentFirstWithTheirKinds() {
        Account owner = people.person("Owner");
        Account admin = people.person("Admin");
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        WorldChat sg = world().newSupergroup("Members").username("members_1878").creator(owner).admins(admin)
                .members(admin, alice, bob, carol).create();
        try (WorldClient a = people.signedIn(alice)) {
            InputChannel ch = inputChannel(a, "members_1878");
            ChannelParticipants first = page(a, ch, ChannelParticipantsRecent.INSTANCE, 0, 2);
            assertThat(first.count()).isEqualTo(5);
            assertThat(first.participants()).extracting(ParticipantsTest::userOf).containsExactly(carol.id(), bob.id());
            assertThat(first.users()).hasSize(2);
            ChannelParticipants last = page(a, ch, ChannelParticipantsRecent.INSTANCE, 4, 2);
            assertThat(last.participants()).as("the last page is partial").singleElement().isInstanceOf(ChannelParticipantCreator.class);
            assertThat(page(a, ch, ChannelParticipantsRecent.INSTANCE, 5, 2).participants()).as("past the end").isEmpty();
            ChannelParticipants whole = page(a, ch, ChannelParticipantsRecent.INSTANCE, 0, 5);
            assertThat(whole.participants()).extracting(p -> p.getClass().getSimpleName()).containsExactly("ChannelParticipant",
                    "ChannelParticipant", "ChannelParticipantSelf", "ChannelParticipantAdmin", "ChannelParticipantCreator");
            assertThat(page(a, ch, new ChannelParticipantsSearch("ali"), 0, 10).participants()).extracting(ParticipantsTest::userOf)
                    .containsExactly(alice.id());
            assertThat(page(a, ch, new ChannelParticipantsSearch("nobody"), 0, 10).count()).isZero();
            assertThat(page(a, ch, ChannelParticipantsAdmins.INSTANCE, 0, 10).participants()).extracting(ParticipantsTest::userOf)
                    .containsExactly(owner.id(), admin.id());
            assertThat(page(a, ch, new ChannelParticipantsKicked(""), 0, 10).count()).as("nobody is banned").isZero();
        }
    }

    @Test
    void broadcastChannelsListMembersToAdminsOnly() {
        Account owner = people.person("Caster");
        Account reader = people.person("Reader");
        world().newChannel("Broadcast").username("broadcast_1878").creator(owner).members(reader).create();
        try (WorldClient r = people.signedIn(reader)) {
            assertError(r.error(new GetParticipants(inputChannel(r, "broadcast_1878"), ChannelParticipantsRecent.INSTANCE, 0, 10, 0)), 400,
                    "CHAT_ADMIN_REQUIRED");
        }
        try (WorldClient o = people.signedIn(owner)) {
            assertThat(page(o, inputChannel(o, "broadcast_1878"), ChannelParticipantsRecent.INSTANCE, 0, 10).count()).isEqualTo(2);
        }
    }

    @Test
    void aBasicGroupsFullChatListsItsMembersToMembersOnly() {
        Account owner = people.person("Founder");
        Account member = people.person("Joiner");
        Account outsider = people.person("Outsider");
        WorldChat group = world().newGroup("Basic").creator(owner).members(member).create();
        try (WorldClient m = people.signedIn(member)) {
            var full = (dev.mtproto.tl.api.messages.ChatFull) m.call(new GetFullChat(group.id()));
            ChatParticipants list = (ChatParticipants) ((ChatFull) full.fullChat()).participants();
            assertThat(list.participants()).hasSize(2).first().isInstanceOf(ChatParticipantCreator.class);
            assertThat(full.users()).hasSize(2);
            assertError(m.error(new GetFullChat(1)), 400, "CHAT_ID_INVALID");
        }
        try (WorldClient o = people.signedIn(outsider)) {
            var full = (dev.mtproto.tl.api.messages.ChatFull) o.call(new GetFullChat(group.id()));
            assertThat(((ChatFull) full.fullChat()).participants()).isInstanceOf(ChatParticipantsForbidden.class);
        }
    }
}
