package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.FileTransfer.KIB;
import static dev.mtproto.testkit.world.FileTransfer.MIB;
import static dev.mtproto.testkit.world.FileTransfer.bytes;
import static dev.mtproto.testkit.world.FileTransfer.download;
import static dev.mtproto.testkit.world.FileTransfer.location;
import static dev.mtproto.testkit.world.FileTransfer.newFileId;
import static dev.mtproto.testkit.world.FileTransfer.sendDocument;
import static dev.mtproto.testkit.world.FileTransfer.uploadBig;
import static dev.mtproto.testkit.world.FileTransfer.uploadSmall;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.DocumentAttributeFilename;
import dev.mtproto.tl.api.InputFile;
import dev.mtproto.tl.api.InputFileBig;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import dev.mtproto.tl.api.upload.SaveFilePart;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploads as https://core.telegram.org/api/files#uploading-files describes them, through a real client:
 * files of every size around the part and the 10 MiB thresholds sent as documents and read back whole, and
 * every error Telegram gives a wrong part.
 */
class FileUploadTest {
    private static final MutableClock CLOCK = new MutableClock();
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).clock(CLOCK));

    private static World world;
    private static WorldClient alice;
    private static Account aliceAccount;

    @BeforeAll
    static void signIn() {
        world = TELEGRAM.cluster().world();
        aliceAccount = new WorldPeople(TELEGRAM.cluster(), "1461").person("Alice");
        alice = WorldClient.on(TELEGRAM.cluster(), 1, CLOCK::millis);
        alice.signInOn(1, "+" + aliceAccount.phone());
    }

    private static void roundTrip(int size, int partSize) {
        byte[] data = bytes(size, size);
        Document d = sendDocument(alice, uploadSmall(alice, data, partSize, "f.bin"), "application/octet-stream");
        assertThat(d.size()).isEqualTo(size);
        assertThat(download(alice, location(d), MIB)).as("%d bytes in parts of %d", size, partSize).isEqualTo(data);
    }

    @Test
    void aDocumentKeepsWhatWasSentAndReadsBackWhole() {
        byte[] data = bytes(300 * KIB + 17, 1);
        InputFile file = uploadSmall(alice, data, 128 * KIB, "report.pdf");
        Object result = alice.call(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, FileTransfer.document(file, "application/pdf",
                "report.pdf"), "the caption"));
        Message m = FileTransfer.sentMessage(result);
        assertThat(m.message()).isEqualTo("the caption");
        Document d = (Document) ((MessageMediaDocument) m.media()).document();
        assertThat(d.mimeType()).isEqualTo("application/pdf");
        assertThat(d.size()).isEqualTo(data.length);
        assertThat(d.dcId()).as("the uploader's home DC").isEqualTo(1);
        assertThat(d.attributes()).containsExactly(new DocumentAttributeFilename("report.pdf"));
        assertThat(d.fileReference()).isNotEmpty();
        assertThat(d.accessHash()).isNotZero();
        assertThat(world.files().document(d.id())).isPresent();
        assertThat(download(alice, location(d), 128 * KIB)).isEqualTo(data);
    }

    @Test
    void theRecipientGetsTheMessageWithTheDocument() {
        Account bob = new WorldPeople(TELEGRAM.cluster(), "1462").person("Bob");
        try (WorldClient b = WorldClient.on(TELEGRAM.cluster(), 1, CLOCK::millis)) {
            b.signInOn(1, "+" + bob.phone());
            InputPeerUser toBob = WorldPeople.inputUser(alice, bob);
            byte[] data = bytes(5000, 2);
            Document sent = (Document) ((MessageMediaDocument) FileTransfer.sentMessage(alice.call(FileTransfer.sendMedia(toBob,
                    FileTransfer.document(uploadSmall(alice, data, 4 * KIB, "a.txt"), "text/plain", "a.txt"), "")))
                    .media()).document();
            Updates pushed = (Updates) b.awaitPushed(1).get(0);
            Message theirs = (Message) ((UpdateNewMessage) pushed.updates().get(0)).message();
            Document got = (Document) ((MessageMediaDocument) theirs.media()).document();
            assertThat(got.id()).isEqualTo(sent.id());
            assertThat(download(b, location(got), MIB)).as("bob reads the file alice sent").isEqualTo(data);
        }
    }

    @Test
    void sizesAroundThePartSize() {
        roundTrip(1, 512 * KIB); // the smallest file
        roundTrip(512 * KIB, 512 * KIB); // exactly one part
        roundTrip(512 * KIB + 1, 512 * KIB); // one byte over: a second part of one byte
        roundTrip(3 * 64 * KIB - 5, 64 * KIB); // the last part partial
        roundTrip(1000, 1000); // one part of any size: the last part need not be a valid size
    }

    @Test
    void tenMibIsTheLargestSmallFile() {
        byte[] tenMib = bytes(10 * MIB, 3);
        Document d = sendDocument(alice, uploadSmall(alice, tenMib, 512 * KIB, "ten.bin"), "application/octet-stream");
        assertThat(download(alice, location(d), MIB)).isEqualTo(tenMib);

        byte[] over = bytes(10 * MIB + 1, 4);
        InputFile small = uploadSmall(alice, over, 512 * KIB, "over.bin");
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, FileTransfer.document(small, "a/b", "x"), "")), 400,
                "FILE_PARTS_INVALID");
        InputFileBig big = uploadBig(alice, over, 512 * KIB, "over.bin");
        Document bigDoc = sendDocument(alice, big, "application/octet-stream");
        assertThat(bigDoc.size()).isEqualTo(over.length);
        assertThat(download(alice, location(bigDoc), MIB)).isEqualTo(over);
    }

    @Test
    void anEmptyFileCannotBeUploaded() {
        assertError(alice.error(new SaveFilePart(newFileId(), 0, new byte[0])), 400, "FILE_PART_EMPTY");
        assertError(alice.error(new SaveBigFilePart(newFileId(), 0, 1, new byte[0])), 400, "FILE_PART_EMPTY");
        long id = newFileId();
        alice.call(new SaveFilePart(id, 0, new byte[10]));
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE,
                FileTransfer.document(new InputFile(id, 0, "empty", ""), "a/b", "x"), "")), 400, "FILE_PARTS_INVALID");
    }

    @Test
    void partSizesTelegramRefuses() {
        assertError(alice.error(new SaveFilePart(newFileId(), 0, new byte[512 * KIB + KIB])), 400, "FILE_PART_TOO_BIG");

        long invalid = newFileId(); // 1000 bytes is no part size: only the last part may have it
        alice.call(new SaveFilePart(invalid, 1, new byte[1000]));
        assertError(alice.error(new SaveFilePart(invalid, 2, new byte[4 * KIB])), 400, "FILE_PART_SIZE_INVALID");
        long first = newFileId(); // a part 0 of 3 KiB is fine alone, but not before another part
        alice.call(new SaveFilePart(first, 0, new byte[3 * KIB]));
        assertError(alice.error(new SaveFilePart(first, 1, new byte[3 * KIB])), 400, "FILE_PART_SIZE_INVALID");
    }

    @Test
    void aPartSizeCannotChange() {
        long id = newFileId();
        alice.call(new SaveFilePart(id, 0, new byte[128 * KIB]));
        alice.call(new SaveFilePart(id, 1, new byte[128 * KIB]));
        assertError(alice.error(new SaveFilePart(id, 2, new byte[256 * KIB])), 400, "FILE_PART_SIZE_CHANGED");
        assertError(alice.error(new SaveFilePart(id, 0, new byte[3 * KIB])), 400, "FILE_PART_SIZE_INVALID"); // not the last
        alice.call(new SaveFilePart(id, 2, new byte[64 * KIB])); // a smaller valid size: the last part
        assertError(alice.error(new SaveFilePart(id, 3, new byte[128 * KIB])), 400, "FILE_PART_SIZE_CHANGED");

        long parallel = newFileId(); // the short last part may come first, as parallel uploads send them
        byte[] data = bytes(2 * 64 * KIB + 100, 5);
        alice.call(new SaveFilePart(parallel, 2, FileTransfer.part(data, 2, 64 * KIB)));
        alice.call(new SaveFilePart(parallel, 1, FileTransfer.part(data, 1, 64 * KIB)));
        alice.call(new SaveFilePart(parallel, 0, FileTransfer.part(data, 0, 64 * KIB)));
        Document d = sendDocument(alice, new InputFile(parallel, 3, "p", FileTransfer.md5(data)), "a/b");
        assertThat(download(alice, location(d), MIB)).isEqualTo(data);
    }

    @Test
    void partNumbersAndCounts() {
        assertError(alice.error(new SaveFilePart(newFileId(), -1, new byte[KIB])), 400, "FILE_PART_INVALID");
        assertError(alice.error(new SaveFilePart(newFileId(), 4000, new byte[KIB])), 400, "FILE_PART_INVALID");
        assertError(alice.error(new SaveBigFilePart(newFileId(), 3, 3, new byte[KIB])), 400, "FILE_PART_INVALID");
        assertError(alice.error(new SaveBigFilePart(newFileId(), 0, 0, new byte[KIB])), 400, "FILE_PARTS_INVALID");
        assertError(alice.error(new SaveBigFilePart(newFileId(), 0, 4001, new byte[KIB])), 400, "FILE_PARTS_INVALID");
        long id = newFileId();
        alice.call(new SaveBigFilePart(id, 0, 3, new byte[KIB]));
        assertError(alice.error(new SaveBigFilePart(id, 1, 4, new byte[KIB])), 400, "FILE_PARTS_INVALID");
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, FileTransfer.document(new InputFileBig(id, 2, "b"), "a/b",
                "b"), "")), 400, "FILE_PARTS_INVALID");
    }

    @Test
    void aMissingPartIsNamedWhenTheFileIsUsed() {
        long id = newFileId();
        alice.call(new SaveFilePart(id, 0, new byte[KIB]));
        alice.call(new SaveFilePart(id, 2, new byte[KIB]));
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, FileTransfer.document(new InputFile(id, 3, "m", ""), "a/b",
                "m"), "")), 400, "FILE_PART_1_MISSING");
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, FileTransfer.document(new InputFile(newFileId(), 1, "m", ""),
                "a/b", "m"), "")), 400, "FILE_PART_0_MISSING");
    }

    @Test
    void aWrongMd5IsRefused() {
        byte[] data = bytes(2 * KIB, 6);
        InputFile file = uploadSmall(alice, data, KIB, "m");
        InputFile wrong = new InputFile(file.id(), file.parts(), file.name(), FileTransfer.md5(new byte[1]));
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, FileTransfer.document(wrong, "a/b", "m"), "")), 400,
                "MD5_CHECKSUM_INVALID");
        InputFile noMd5 = new InputFile(file.id(), file.parts(), file.name(), "");
        assertThat(sendDocument(alice, noMd5, "a/b").size()).as("the MD5 is optional").isEqualTo(data.length);
    }

    @Test
    void partsWaitForTheRestWithinTheRetention() {
        world.files().partRetention(Duration.ofMinutes(10));
        byte[] data = bytes(3 * KIB, 7);
        long id = newFileId();
        alice.call(new SaveFilePart(id, 0, FileTransfer.part(data, 0, KIB)));
        CLOCK.advance(Duration.ofMinutes(9)); // an interrupted upload goes on where it stopped
        alice.call(new SaveFilePart(id, 1, FileTransfer.part(data, 1, KIB)));
        alice.call(new SaveFilePart(id, 2, FileTransfer.part(data, 2, KIB)));
        assertThat(download(alice, location(sendDocument(alice, new InputFile(id, 3, "r", ""), "a/b")), MIB)).isEqualTo(data);

        long late = newFileId();
        alice.call(new SaveFilePart(late, 0, new byte[KIB]));
        CLOCK.advance(Duration.ofMinutes(11));
        alice.call(new SaveFilePart(late, 1, new byte[KIB]));
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, FileTransfer.document(new InputFile(late, 2, "l", ""), "a/b",
                "l"), "")), 400, "FILE_PART_0_MISSING");
    }

    @Test
    void aRetriedPartReplacesTheFirst() {
        byte[] data = bytes(2 * KIB, 8);
        long id = newFileId();
        alice.call(new SaveFilePart(id, 0, new byte[KIB]));
        alice.call(new SaveFilePart(id, 0, FileTransfer.part(data, 0, KIB)));
        alice.call(new SaveFilePart(id, 1, FileTransfer.part(data, 1, KIB)));
        assertThat(download(alice, location(sendDocument(alice, new InputFile(id, 2, "r", ""), "a/b")), MIB)).isEqualTo(data);
    }
}
