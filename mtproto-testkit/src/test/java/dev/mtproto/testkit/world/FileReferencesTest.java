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
import dev.mtproto.tl.api.InputMessageID;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEmpty;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.GetHistory;
import dev.mtproto.tl.api.messages.GetMessages;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.upload.GetFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * File references (https://core.telegram.org/api/file_reference): once expired, every use of a reference
 * answers {@code FILE_REFERENCE_EXPIRED}; fetching the message again ({@code messages.getMessages},
 * {@code channels.getMessages}, {@code messages.getHistory}) hands out a fresh one that works.
 */
class FileReferencesTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static Document documentOf(Message m) {
        return (Document) ((MessageMediaDocument) m.media()).document();
    }

    @Test
    void anExpiredReferenceIsRefreshedFromTheMessage() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1468");
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            byte[] data = bytes(20 * KIB, 31);
            a.call(FileTransfer.sendMedia(WorldPeople.inputUser(a, bob), FileTransfer.document(uploadSmall(a, data, 4 * KIB, "r"), "a/b", "r"),
                    ""));
            Message got = (Message) ((UpdateNewMessage) ((Updates) b.awaitPushed(1).get(0)).updates().get(0)).message();
            Document stale = documentOf(got);
            assertThat(download(b, location(stale), MIB)).isEqualTo(data);

            TELEGRAM.cluster().world().files().expireReferences();
            assertError(b.error(new GetFile(false, false, location(stale), 0, MIB)), 400, "FILE_REFERENCE_EXPIRED");

            Messages again = (Messages) b.call(new GetMessages(List.of(new InputMessageID(got.id()), new InputMessageID(99_999))));
            Document fresh = documentOf((Message) again.messages().get(0));
            assertThat(again.messages().get(1)).isInstanceOf(MessageEmpty.class);
            assertThat(fresh.id()).isEqualTo(stale.id());
            assertThat(fresh.fileReference()).isNotEqualTo(stale.fileReference());
            assertThat(download(b, location(fresh), MIB)).isEqualTo(data);

            var history = (Messages) b.call(new GetHistory(WorldPeople.inputUser(b, alice), 0, 0, 0, 10, 0, 0, 0));
            assertThat(documentOf((Message) history.messages().get(0)).fileReference()).isEqualTo(fresh.fileReference());
        }
    }

    @Test
    void aDocumentSentAgainByIdChecksItsReference() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1469");
        Account carol = people.person("Carol");
        try (WorldClient c = people.signedIn(carol)) {
            Document d = FileTransfer.sendDocument(c, uploadSmall(c, bytes(3000, 32), 4 * KIB, "x"), "a/b");
            TELEGRAM.cluster().world().files().expireReference(d.id());
            InputMediaDocument stale = new InputMediaDocument(false, new InputDocument(d.id(), d.accessHash(), d.fileReference()), null, null,
                    null, null);
            assertError(c.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, stale, "")), 400, "FILE_REFERENCE_EXPIRED");
            Document fresh = documentOf((Message) ((Messages) c.call(new GetHistory(InputPeerSelf.INSTANCE, 0, 0, 0, 1, 0, 0, 0)))
                    .messages().get(0));
            InputMediaDocument byId = new InputMediaDocument(false, new InputDocument(d.id(), d.accessHash(), fresh.fileReference()), null,
                    null, null, null);
            assertThat(documentOf(FileTransfer.sentMessage(c.call(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, byId, "again")))).id())
                    .isEqualTo(d.id());
        }
    }

    @Test
    void aChannelPostsReferenceIsRefreshedByChannelsGetMessages() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1470");
        Account dave = people.person("Dave");
        Account erin = people.person("Erin");
        TELEGRAM.cluster().world().newChannel("Files").username("files_1470").members(dave, erin).admins(dave).create();
        try (WorldClient d = people.signedIn(dave); WorldClient e = people.signedIn(erin)) {
            InputPeerChannel channel = WorldPeople.inputPeerChannel(d, "files_1470");
            byte[] data = bytes(9000, 33);
            Message posted = FileTransfer.sentMessage(d.call(FileTransfer.sendMedia(channel, FileTransfer.document(uploadSmall(d, data,
                    4 * KIB, "c"), "a/b", "c"), "")));
            Document stale = documentOf(posted);
            TELEGRAM.cluster().world().files().expireReference(stale.id());
            assertError(e.error(new GetFile(false, false, location(stale), 0, MIB)), 400, "FILE_REFERENCE_EXPIRED");
            var again = (ChannelMessages) e.call(new dev.mtproto.tl.api.channels.GetMessages(WorldPeople.inputChannel(e, "files_1470"),
                    List.of(new InputMessageID(posted.id()))));
            Message seen = (Message) again.messages().get(0);
            assertThat(seen.out()).as("erin did not post it").isFalse();
            assertThat(download(e, location(documentOf(seen)), MIB)).isEqualTo(data);
        }
    }

    @Test
    void referencesOfOtherFilesStayValid() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1471");
        Account fay = people.person("Fay");
        try (WorldClient f = people.signedIn(fay)) {
            Document one = FileTransfer.sendDocument(f, uploadSmall(f, bytes(100, 34), KIB, "1"), "a/b");
            Document two = FileTransfer.sendDocument(f, uploadSmall(f, bytes(200, 35), KIB, "2"), "a/b");
            TELEGRAM.cluster().world().files().expireReference(one.id());
            assertError(f.error(new GetFile(false, false, location(one), 0, MIB)), 400, "FILE_REFERENCE_EXPIRED");
            assertThat(download(f, location(two), MIB)).hasSize(200);
        }
    }
}
