package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.WorldPeople.inputPeerChannel;
import static dev.mtproto.testkit.world.WorldPeople.inputUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.GetHistory;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code messages.getHistory} from the world's boxes (https://core.telegram.org/api/offsets). */
class HistoryTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static List<String> texts(List<MessageType> messages) {
        return messages.stream().map(m -> ((Message) m).message()).toList();
    }

    private static GetHistory history(InputPeer peer, int offsetId, int addOffset, int limit) {
        return new GetHistory(peer, offsetId, 0, addOffset, limit, 0, 0, 0);
    }

    @Test
    void aChatsHistoryIsPagedNewestFirst() {
        World world = TELEGRAM.cluster().world();
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1888");
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        Account carol = people.person("Carol");
        WorldChat sg = world.newSupergroup("Paged").username("paged_1888").members(alice, bob).create();
        world.bulk(5).between(alice, bob).send();
        world.send(carol).to(bob).text("elsewhere");
        world.bulk(3).in(sg).text("sg").send();
        try (WorldClient b = people.signedIn(bob)) {
            InputPeer toAlice = inputUser(b, alice);
            MessagesSlice first = (MessagesSlice) b.call(history(toAlice, 0, 0, 2));
            assertThat(first.count()).isEqualTo(5);
            assertThat(texts(first.messages())).containsExactly("bulk 4", "bulk 3");
            int oldest = ((Message) first.messages().get(1)).id();
            MessagesSlice next = (MessagesSlice) b.call(history(toAlice, oldest, 0, 2));
            assertThat(texts(next.messages())).containsExactly("bulk 2", "bulk 1");
            Messages whole = (Messages) b.call(history(toAlice, 0, 0, 100));
            assertThat(texts(whole.messages())).containsExactly("bulk 4", "bulk 3", "bulk 2", "bulk 1", "bulk 0");
            assertThat(whole.users()).extracting(u -> ((dev.mtproto.tl.api.User) u).id()).containsExactly(alice.id());

            ChannelMessages channel = (ChannelMessages) b.call(history(inputPeerChannel(b, "paged_1888"), 0, 0, 10));
            assertThat(texts(channel.messages())).containsExactly("sg 2", "sg 1", "sg 0");
            assertThat(channel.pts()).isEqualTo(world.updates().channelPts(sg));
            assertThat(channel.count()).isEqualTo(3);
        }
    }
}
