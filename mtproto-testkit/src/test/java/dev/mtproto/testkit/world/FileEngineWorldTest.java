package dev.mtproto.testkit.world;

import dev.mtproto.testkit.client.files.CancelledUploads;
import static dev.mtproto.testkit.world.FileTransfer.KIB;
import static dev.mtproto.testkit.world.FileTransfer.MIB;
import static dev.mtproto.testkit.world.FileTransfer.bytes;
import static dev.mtproto.testkit.world.FileTransfer.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.event.CallInfo;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.files.FileReferenceException;
import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.files.TransferSettings;
import dev.mtproto.files.UploadOptions;
import dev.mtproto.files.UploadResume;
import dev.mtproto.files.UploadSource;
import dev.mtproto.files.UploadedFile;
import dev.mtproto.rpc.MigrateException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.InputMessageID;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.messages.GetMessages;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import dev.mtproto.tl.api.upload.SaveFilePart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transfer engine ({@link FileTransfers}) against the world's file store: what it uploads is a document the
 * world accepts, and what the world stores comes back whole, across DCs and expired references
 * (https://core.telegram.org/api/files).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileEngineWorldTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static final TransferSettings SETTINGS = TransferSettings.builder().partsInFlight(4).lanesPerDc(2)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();

    private static WorldPeople people;

    @org.junit.jupiter.api.BeforeAll
    static void people() {
        people = new WorldPeople(TELEGRAM.cluster(), "1480");
    }

    @Test
    void uploadsAroundTheThresholdsBecomeDocumentsThatDownloadWhole() {
        Account alice = people.person("Alice");
        try (WorldClient a = people.signedIn(alice); FileTransfers files = FileTransfers.create(a.raw(), SETTINGS)) {
            for (int size : new int[] {1, 512 * KIB, 512 * KIB + 1, 10 * MIB, 10 * MIB + 1, 3 * MIB + 777}) {
                byte[] data = bytes(size, size);
                UploadedFile up = files.upload(UploadSource.of(data, "f.bin"), UploadOptions.defaults()).result().join();
                Document d = FileTransfer.sendDocument(a, up.inputFile(), "application/octet-stream");
                assertThat(d.size()).isEqualTo(size);
                byte[] got = files.download(new RemoteFile(d.dcId(), location(d), d.size(), null), DownloadTarget.toBytes(),
                        DownloadOptions.defaults()).result().join().content().orElseThrow();
                assertThat(got).as("size %d", size).isEqualTo(data);
            }
        }
    }

    @Test
    void anEmptyFileIsRefusedLikeTheWorldRefusesAnEmptyPart() {
        Account alice = people.person("Alice");
        try (WorldClient a = people.signedIn(alice); FileTransfers files = FileTransfers.create(a.raw(), SETTINGS)) {
            assertThatThrownBy(() -> files.upload(UploadSource.of(new byte[0], "empty"), UploadOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class);
            RpcException e = WorldClient.errorOf(() -> a.call(new SaveFilePart(1, 0, new byte[0])));
            assertThat(e.errorMessage()).isEqualTo("FILE_PART_EMPTY");
        }
    }

    @Test
    void aFileOnAnotherDcIsFetchedThereWithTheAuthorizationCarriedAndTheHomeDcStays() {
        Account alice = people.person("Alice"); // DC 1
        Account bob = TELEGRAM.cluster().world().accounts().move(people.person("Bob"), 2);
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob);
             FileTransfers aliceFiles = FileTransfers.create(a.raw(), SETTINGS);
             FileTransfers bobFiles = FileTransfers.create(b.raw(), SETTINGS)) {
            // WorldClient signs in with raw calls; tell Bob's client, so it carries the authorization to DC 1
            b.raw().signedIn(bob.id(), false);
            byte[] data = bytes(2 * MIB + 99, 7);
            UploadedFile up = aliceFiles.upload(UploadSource.of(data, "f.bin"), UploadOptions.defaults()).result().join();
            a.call(FileTransfer.sendMedia(WorldPeople.inputUser(a, bob), FileTransfer.document(up.inputFile(), "a/b", "f.bin"), ""));
            Message theirs = (Message) ((UpdateNewMessage) ((Updates) b.awaitPushed(1).get(0)).updates().get(0)).message();
            Document d = (Document) ((MessageMediaDocument) theirs.media()).document();
            assertThat(d.dcId()).isEqualTo(1);
            // asked of Bob's home DC 2 (the client does not follow migrations itself): FILE_MIGRATE_1 is the engine's
            byte[] got = bobFiles.download(RemoteFile.of(2, location(d), d.size()), DownloadTarget.toBytes(),
                    DownloadOptions.builder().partSize(256 * KIB).build()).result().join().content().orElseThrow();
            assertThat(got).isEqualTo(data);
            assertThat(b.raw().homeDc()).isEqualTo(2);
        }
    }

    /** Counts each DC's {@code upload.getFile} attempts and the {@code FILE_MIGRATE} answers among them. */
    private static final class GetFileCalls implements ClientEventListener {
        final Map<Integer, AtomicInteger> perDc = new ConcurrentHashMap<>();
        final AtomicInteger migrateAnswers = new AtomicInteger();

        @Override
        public void callStarted(CallInfo call) {
            if (call.method().equals("upload.getFile")) {
                perDc.computeIfAbsent(call.connection().dcId(), dc -> new AtomicInteger()).incrementAndGet();
            }
        }

        @Override
        public void callFailed(CallInfo call, Duration elapsed, Throwable error) {
            if (call.method().equals("upload.getFile") && error instanceof MigrateException) {
                migrateAnswers.incrementAndGet();
            }
        }

        int at(int dc) {
            return perDc.getOrDefault(dc, new AtomicInteger()).get();
        }
    }

    @ParameterizedTest(name = "the client follows migrations itself: {0}")
    @ValueSource(booleans = {false, true})
    void aDownloadAskedOfTheWrongDcIsRedirectedOnceAndItsOtherPartsGoStraightToTheFilesDc(boolean clientFollows) {
        Account alice = people.person("Alice"); // DC 1, where her file is stored
        GetFileCalls calls = new GetFileCalls();
        try (WorldClient a = WorldClient.signedIn(TELEGRAM.cluster(), alice,
                    c -> c.followMigrations(clientFollows).addEventListener(calls));
             FileTransfers files = FileTransfers.create(a.raw(), SETTINGS)) {
            a.raw().signedIn(alice.id(), false);
            byte[] data = bytes(2 * MIB + 99, 11);
            UploadedFile up = files.upload(UploadSource.of(data, "f.bin"), UploadOptions.defaults()).result().join();
            Document d = FileTransfer.sendDocument(a, up.inputFile(), "application/octet-stream");
            assertThat(d.dcId()).isEqualTo(1);
            byte[] got = files.download(RemoteFile.of(2, location(d), d.size()), DownloadTarget.toBytes(),
                    DownloadOptions.builder().partSize(256 * KIB).build()).result().join().content().orElseThrow();
            assertThat(got).isEqualTo(data);
            assertThat(calls.migrateAnswers).as("FILE_MIGRATE answers").hasValue(1);
            assertThat(calls.at(2)).as("upload.getFile calls at the wrong DC").isEqualTo(1);
            assertThat(calls.at(1)).as("upload.getFile calls at the file's DC: one per part").isEqualTo(9);
            assertThat(a.raw().homeDc()).isEqualTo(1);
        }
    }

    @Test
    void anExpiredReferenceIsRefreshedFromItsMessage() {
        Account alice = people.person("Alice");
        try (WorldClient a = people.signedIn(alice); FileTransfers files = FileTransfers.create(a.raw(), SETTINGS)) {
            byte[] data = bytes(MIB + 5, 8);
            UploadedFile up = files.upload(UploadSource.of(data, "f.bin"), UploadOptions.defaults()).result().join();
            Message sent = FileTransfer.sentMessage(a.call(FileTransfer.sendMedia(InputPeerSelf.INSTANCE,
                    FileTransfer.document(up.inputFile(), "a/b", "f.bin"), "")));
            Document d = (Document) ((MessageMediaDocument) sent.media()).document();
            TELEGRAM.cluster().world().files().expireReference(d.id());
            AtomicInteger refreshes = new AtomicInteger();
            RemoteFile file = new RemoteFile(d.dcId(), location(d), d.size(), stale -> {
                refreshes.incrementAndGet();
                return a.raw().invoke(new GetMessages(List.of(new InputMessageID(sent.id()))))
                        .thenApply(result -> location(documentOf(result)));
            });
            byte[] got = files.download(file, DownloadTarget.toBytes(), DownloadOptions.builder().partSize(128 * KIB).build())
                    .result().join().content().orElseThrow();
            assertThat(got).isEqualTo(data);
            assertThat(refreshes).hasValue(1);

            TELEGRAM.cluster().world().files().expireReference(d.id());
            assertThatThrownBy(() -> files.download(RemoteFile.of(d.dcId(), location(d), d.size()), DownloadTarget.toBytes(),
                    DownloadOptions.defaults()).result().join()).hasCauseInstanceOf(FileReferenceException.class);
        }
    }

    @Test
    void aCancelledUploadResumesWithItsHandleWithinTheRetention() {
        Account alice = people.person("Alice");
        try (WorldClient a = people.signedIn(alice); FileTransfers files = FileTransfers.create(a.raw(), SETTINGS)) {
            byte[] data = bytes(14 * MIB + 1, 9);
            UploadResume handle = CancelledUploads.cancelAfter(files, UploadSource.of(data, "big.bin"), 3 * MIB);
            UploadedFile up = files.upload(UploadSource.of(data, "big.bin"), UploadOptions.builder().resume(handle).build()).result().join();
            Document d = FileTransfer.sendDocument(a, up.inputFile(), "a/b");
            assertThat(files.download(RemoteFile.of(d.dcId(), location(d), d.size()), DownloadTarget.toBytes(), DownloadOptions.defaults())
                    .result().join().content().orElseThrow()).isEqualTo(data);
        }
    }

    private static Document documentOf(Object messages) {
        List<MessageType> list = messages instanceof Messages m ? m.messages() : ((MessagesSlice) messages).messages();
        return (Document) ((MessageMediaDocument) ((Message) list.get(0)).media()).document();
    }

}
