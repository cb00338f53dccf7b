package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.FileTransfer.KIB;
import static dev.mtproto.testkit.world.FileTransfer.MIB;
import static dev.mtproto.testkit.world.FileTransfer.bytes;
import static dev.mtproto.testkit.world.FileTransfer.download;
import static dev.mtproto.testkit.world.FileTransfer.location;
import static dev.mtproto.testkit.world.FileTransfer.uploadSmall;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.InputDocument;
import dev.mtproto.tl.api.InputMediaDocument;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputSingleMedia;
import dev.mtproto.tl.api.InputSingleMediaType;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.messages.SendMultiMedia;
import dev.mtproto.tl.api.messages.UploadMedia;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Albums: files stored with {@code messages.uploadMedia}, then sent together with {@code messages.sendMultiMedia}
 * (https://core.telegram.org/api/files#albums-grouped-media): one {@code grouped_id}, one push per message.
 */
class AlbumTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    @Test
    void anAlbumIsSeveralMessagesWithOneGroupedId() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1474");
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            InputPeerUser toBob = WorldPeople.inputUser(a, bob);
            List<InputSingleMediaType> items = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] data = bytes(5 * KIB + i, 40 + i);
                contents.add(data);
                var stored = (MessageMediaDocument) a.call(UploadMedia.builder().peer(toBob)
                        .media(FileTransfer.document(uploadSmall(a, data, 4 * KIB, "f" + i), "a/b", "f" + i)).build());
                Document d = (Document) stored.document();
                items.add(InputSingleMedia.builder().media(new InputMediaDocument(false, new InputDocument(d.id(), d.accessHash(),
                        d.fileReference()), null, null, null, null)).randomId(1000 + i).message("item " + i).build());
            }
            Updates result = (Updates) a.call(SendMultiMedia.builder().peer(toBob).multiMedia(items).build());
            assertThat(result.updates()).filteredOn(UpdateMessageID.class::isInstance).hasSize(3);
            List<Message> sent = result.updates().stream().filter(UpdateNewMessage.class::isInstance)
                    .map(u -> (Message) ((UpdateNewMessage) u).message()).toList();
            assertThat(sent).hasSize(3);
            assertThat(sent).extracting(Message::groupedId).doesNotContainNull().containsOnly(sent.get(0).groupedId());

            List<UpdatesType> pushed = b.awaitPushed(3);
            assertThat(pushed).hasSize(3).allSatisfy(u -> assertThat(((Updates) u).updates()).hasSize(1));
            for (int i = 0; i < 3; i++) {
                Message m = (Message) ((UpdateNewMessage) ((Updates) pushed.get(i)).updates().get(0)).message();
                assertThat(m.message()).isEqualTo("item " + i);
                assertThat(download(b, location((Document) ((MessageMediaDocument) m.media()).document()), MIB)).isEqualTo(contents.get(i));
            }
        }
    }

    @Test
    void anAlbumHasOneToTenItems() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1475");
        Account carol = people.person("Carol");
        try (WorldClient c = people.signedIn(carol)) {
            assertError(c.error(SendMultiMedia.builder().peer(dev.mtproto.tl.api.InputPeerSelf.INSTANCE).multiMedia(List.of()).build()), 400,
                    "MEDIA_EMPTY");
            List<InputSingleMediaType> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.add(InputSingleMedia.builder().media(FileTransfer.document(uploadSmall(c, new byte[10], KIB, "x"), "a/b", "x"))
                        .randomId(i + 1).message("").build());
            }
            assertError(c.error(SendMultiMedia.builder().peer(dev.mtproto.tl.api.InputPeerSelf.INSTANCE).multiMedia(eleven).build()), 400,
                    "MULTI_MEDIA_TOO_LONG");
        }
    }
}
