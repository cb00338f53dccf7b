package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.FileTransfer.KIB;
import static dev.mtproto.testkit.world.FileTransfer.MIB;
import static dev.mtproto.testkit.world.FileTransfer.bytes;
import static dev.mtproto.testkit.world.FileTransfer.location;
import static dev.mtproto.testkit.world.FileTransfer.sendDocument;
import static dev.mtproto.testkit.world.FileTransfer.uploadBig;
import static dev.mtproto.testkit.world.FileTransfer.uploadSmall;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.storage.FilePartial;
import dev.mtproto.tl.api.storage.FilePdf;
import dev.mtproto.tl.api.storage.FileUnknown;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.GetFile;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code upload.getFile} with the offset and limit rules of https://core.telegram.org/api/files#downloading-files,
 * through a real client: every rule broken answers as Telegram does, parts at and past the end, the
 * {@code storage.FileType} of each answer, wrong ids and references.
 */
class FileDownloadTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static WorldClient alice;
    private static byte[] data;
    private static Document doc;

    @BeforeAll
    static void upload() {
        Account a = new WorldPeople(TELEGRAM.cluster(), "1463").person("Alice");
        alice = WorldClient.signedIn(TELEGRAM.cluster(), a);
        data = bytes(2 * MIB + 5000, 11);
        doc = sendDocument(alice, uploadBig(alice, data, 512 * KIB, "d.bin"), "application/octet-stream");
    }

    private static File get(long offset, int limit, boolean precise) {
        return (File) alice.call(new GetFile(precise, false, location(doc), offset, limit));
    }

    private static void assertRefused(long offset, int limit, boolean precise, String error) {
        assertError(alice.error(new GetFile(precise, false, location(doc), offset, limit)), 400, error);
    }

    @Test
    void partsAreTheFilesBytesAtTheirOffset() {
        assertThat(get(MIB, 512 * KIB, false).bytes()).isEqualTo(Arrays.copyOfRange(data, MIB, MIB + 512 * KIB));
        assertThat(get(4 * KIB, 4 * KIB, false).bytes()).isEqualTo(Arrays.copyOfRange(data, 4 * KIB, 8 * KIB));
    }

    @Test
    void theLastPartIsShortAndPastTheEndIsEmpty() {
        File last = get(2 * MIB, MIB, false);
        assertThat(last.bytes()).isEqualTo(Arrays.copyOfRange(data, 2 * MIB, data.length));
        assertThat(get(3 * MIB, MIB, false).bytes()).isEmpty();
        assertThat(get(2 * MIB + 8 * KIB, 4 * KIB, false).bytes()).as("past the end").isEmpty();
    }

    @Test
    void withoutPreciseTheOffsetAndLimitAreMultiplesOf4KiB() {
        assertRefused(KIB, 4 * KIB, false, "OFFSET_INVALID");
        assertRefused(-4096, 4 * KIB, false, "OFFSET_INVALID");
        assertRefused(0, 2 * KIB, false, "LIMIT_INVALID");
        assertRefused(0, 12 * KIB, false, "LIMIT_INVALID"); // 1 MiB is not divisible by 12 KiB
        assertRefused(0, 2 * MIB, false, "LIMIT_INVALID");
        assertRefused(0, 0, false, "LIMIT_INVALID");
        assertRefused(MIB - 4 * KIB, 8 * KIB, false, "LIMIT_INVALID"); // crosses the 1 MiB boundary
        assertThat(get(MIB - 8 * KIB, 8 * KIB, false).bytes()).hasSize(8 * KIB);
    }

    @Test
    void preciseRelaxesTo1KiB() {
        assertThat(get(KIB, 3 * KIB, true).bytes()).isEqualTo(Arrays.copyOfRange(data, KIB, 4 * KIB));
        assertThat(get(0, MIB, true).bytes()).hasSize(MIB);
        assertRefused(512, KIB, true, "OFFSET_INVALID");
        assertRefused(0, 1500, true, "LIMIT_INVALID");
        assertRefused(0, MIB + KIB, true, "LIMIT_INVALID");
        assertRefused(MIB - KIB, 2 * KIB, true, "LIMIT_INVALID"); // still no crossing of a 1 MiB boundary
    }

    @Test
    void theStorageTypeFollowsTheMimeTypeForAWholeFile() {
        byte[] pdf = bytes(3000, 12);
        Document d = sendDocument(alice, uploadSmall(alice, pdf, 4 * KIB, "a.pdf"), "application/pdf");
        File whole = (File) alice.call(new GetFile(false, false, location(d), 0, 4 * KIB));
        assertThat(whole.type()).isEqualTo(FilePdf.INSTANCE);
        assertThat(whole.mtime()).isEqualTo(d.date());
        assertThat(get(0, 4 * KIB, false).type()).as("a part of a file").isEqualTo(FilePartial.INSTANCE);
        Document other = sendDocument(alice, uploadSmall(alice, pdf, 4 * KIB, "a"), "application/x-thing");
        assertThat(((File) alice.call(new GetFile(false, false, location(other), 0, 4 * KIB))).type()).isEqualTo(FileUnknown.INSTANCE);
    }

    @Test
    void aWrongIdHashOrReferenceIsRefused() {
        assertError(alice.error(new GetFile(false, false, new InputDocumentFileLocation(doc.id() + 1, doc.accessHash(),
                doc.fileReference(), ""), 0, MIB)), 400, "FILE_ID_INVALID");
        assertError(alice.error(new GetFile(false, false, new InputDocumentFileLocation(doc.id(), doc.accessHash() + 1,
                doc.fileReference(), ""), 0, MIB)), 400, "FILE_ID_INVALID");
        assertError(alice.error(new GetFile(false, false, new InputDocumentFileLocation(doc.id(), doc.accessHash(),
                new byte[] {1, 2, 3}, ""), 0, MIB)), 400, "FILE_REFERENCE_INVALID");
        assertError(alice.error(new GetFile(false, false, new InputDocumentFileLocation(doc.id(), doc.accessHash(),
                new byte[0], ""), 0, MIB)), 400, "FILE_REFERENCE_EMPTY");
        assertError(alice.error(new GetFile(false, false, new InputDocumentFileLocation(doc.id(), doc.accessHash(),
                doc.fileReference(), "m"), 0, MIB)), 400, "LOCATION_INVALID");
    }

    @Test
    void aDocumentIsSentAgainById() {
        var again = alice.call(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, new dev.mtproto.tl.api.InputMediaDocument(false,
                new dev.mtproto.tl.api.InputDocument(doc.id(), doc.accessHash(), doc.fileReference()), null, null, null, null), "again"));
        Document resent = (Document) ((MessageMediaDocument) FileTransfer.sentMessage(again).media()).document();
        assertThat(resent.id()).isEqualTo(doc.id());
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, new dev.mtproto.tl.api.InputMediaDocument(false,
                new dev.mtproto.tl.api.InputDocument(doc.id(), doc.accessHash() ^ 1, doc.fileReference()), null, null, null, null), "")),
                400, "MEDIA_INVALID");
    }
}
