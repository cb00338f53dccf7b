package dev.mtproto.testkit.client.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.event.CallInfo;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadResult;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.files.FileReferenceException;
import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.files.TransferSettings;
import dev.mtproto.files.TransferTask;
import dev.mtproto.files.UploadOptions;
import dev.mtproto.files.UploadResume;
import dev.mtproto.files.UploadSource;
import dev.mtproto.files.UploadTask;
import dev.mtproto.files.UploadedFile;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.InputFile;
import dev.mtproto.tl.api.InputFileBig;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import dev.mtproto.tl.api.upload.SaveFilePart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer engine end to end over real sockets against the test cluster, with the file methods scripted
 * by {@link ScriptedFiles} (https://core.telegram.org/api/files).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileTransfersTest {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private final Random random = new Random(42);
    private ScriptedFiles files;
    private MtprotoClient client;
    private FileTransfers transfers;
    private final AtomicInteger failedCalls = new AtomicInteger();
    private final AtomicInteger startedPartCalls = new AtomicInteger();

    @BeforeEach
    void start() {
        files = new ScriptedFiles().install(TELEGRAM.cluster());
        ClientEventListener failures = new ClientEventListener() {
            @Override
            public void callStarted(CallInfo call) {
                if (call.method().startsWith("upload.save")) {
                    startedPartCalls.incrementAndGet();
                }
            }

            @Override
            public void callFailed(CallInfo call, Duration elapsed, Throwable error) {
                failedCalls.incrementAndGet();
            }
        };
        client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().floodWaitThreshold(Duration.ZERO)
                .addEventListener(failures).build());
        transfers = FileTransfers.create(client, TransferSettings.builder().partsInFlight(4).lanesPerDc(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10)).build());
    }

    @AfterEach
    void stop() {
        transfers.close();
        client.close();
    }

    @Test
    void uploadsRoundTripAroundEveryThreshold() throws Exception {
        int[] sizes = {1, 512 * KIB, 512 * KIB + 1, 10 * MIB - 1, 10 * MIB, 10 * MIB + 1, 3 * MIB + 777};
        for (int size : sizes) {
            byte[] content = bytes(size);
            UploadedFile up = transfers.upload(UploadSource.of(content, "f" + size), UploadOptions.defaults()).result().join();
            assertThat(up.size()).isEqualTo(size);
            assertThat(up.big()).as("big at %d", size).isEqualTo(size > 10 * MIB);
            long id;
            if (up.big()) {
                InputFileBig big = (InputFileBig) up.inputFile();
                id = big.id();
                assertThat(big.parts()).isEqualTo((size + 512 * KIB - 1) / (512 * KIB));
                assertThat(files.parts.get(id).values()).allSatisfy(p -> assertThat(p.totalParts()).isEqualTo(big.parts()));
            } else {
                InputFile small = (InputFile) up.inputFile();
                id = small.id();
                assertThat(small.md5Checksum()).as("md5 at %d", size).isEqualTo(md5(content));
                assertThat(small.name()).isEqualTo("f" + size);
            }
            assertThat(files.assemble(id)).as("content at %d", size).isEqualTo(content);

            InputDocumentFileLocation loc = files.put(1, content);
            DownloadResult down = transfers.download(RemoteFile.of(1, loc, size), DownloadTarget.toBytes(), DownloadOptions.defaults())
                    .result().join();
            assertThat(down.bytes()).isEqualTo(size);
            assertThat(down.content().orElseThrow()).as("download at %d", size).isEqualTo(content);
        }
    }

    @Test
    void aSinglePartFileGetsOnePartOfItsOwnSize() {
        byte[] content = bytes(3000);
        InputFile up = (InputFile) transfers.upload(UploadSource.of(content, "small"), UploadOptions.defaults()).result().join().inputFile();
        assertThat(up.parts()).isEqualTo(1);
        assertThat(files.parts.get(up.id()).get(0).bytes()).hasSize(3000);
    }

    @Test
    void emptyFilesAreRefusedAsTelegramRefusesEmptyPartsButDownloadAsEmpty() {
        assertThatThrownBy(() -> transfers.upload(UploadSource.of(new byte[0], "empty"), UploadOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThat(files.partCalls).hasValue(0);
        assertThatThrownBy(() -> client.invoke(new SaveFilePart(1, 0, new byte[0])).join()).as("what the DC says")
                .hasCauseInstanceOf(RpcException.class).hasMessageContaining("FILE_PART_EMPTY");
        InputDocumentFileLocation loc = files.put(1, new byte[0]);
        assertThat(transfers.download(RemoteFile.of(1, loc, 0), DownloadTarget.toBytes(), DownloadOptions.defaults())
                .result().join().content().orElseThrow()).isEmpty();
        assertThat(transfers.download(RemoteFile.of(1, loc, -1), DownloadTarget.toBytes(), DownloadOptions.defaults())
                .result().join().content().orElseThrow()).as("unknown length").isEmpty();
    }

    @Test
    void partsTravelInParallelOverSeveralLanesAndArriveWhole() throws Exception {
        byte[] content = bytes(12 * MIB + 5);
        AtomicInteger reports = new AtomicInteger();
        long[] last = {0};
        UploadTask task = transfers.upload(UploadSource.of(new ByteArrayInputStream(content), content.length, "stream"),
                UploadOptions.builder().progress((done, total) -> {
                    assertThat(done).isGreaterThan(last[0]).isLessThanOrEqualTo(total);
                    last[0] = done;
                    reports.incrementAndGet();
                }).build());
        InputFileBig up = (InputFileBig) task.result().join().inputFile();
        assertThat(files.assemble(up.id())).isEqualTo(content);
        assertThat(files.parts.get(up.id()).values().stream().map(ScriptedFiles.Part::sessionId).distinct().count())
                .as("upload lanes").isEqualTo(2);
        assertThat(last[0]).isEqualTo(content.length);
        assertThat(task.bytesDone()).isEqualTo(content.length);

        InputDocumentFileLocation loc = files.put(1, content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfers.download(RemoteFile.of(1, loc, content.length), DownloadTarget.toStream(out),
                DownloadOptions.builder().partSize(256 * KIB).build()).result().join();
        assertThat(out.toByteArray()).isEqualTo(content);
        assertThat(files.downloadSessions).as("download lanes").hasSize(2);
    }

    @Test
    void aFailedPartIsRetriedWithoutRestartingTheFile() {
        byte[] content = bytes(2 * MIB);
        TELEGRAM.cluster().dc(1).faults().nextCall(m -> m instanceof SaveFilePart p && p.filePart() == 2).times(2)
                .failWith(500, "INTERNAL_SERVER_ERROR");
        InputFile up = (InputFile) transfers.upload(UploadSource.of(content, "retry"), UploadOptions.defaults()).result().join().inputFile();
        assertThat(files.assemble(up.id())).isEqualTo(content);
        assertThat(files.partCalls).as("each of the 4 parts stored once").hasValue(4);
        assertThat(failedCalls).as("part 2 failed twice before it was stored").hasValue(2);
    }

    @Test
    void aDroppedConnectionLosesNoPart() {
        byte[] content = bytes(3 * MIB);
        TELEGRAM.cluster().dc(1).faults().nextCall(m -> m instanceof SaveFilePart p && p.filePart() == 3).dropConnectionBeforeAnswer();
        InputFile up = (InputFile) transfers.upload(UploadSource.of(content, "drop"), UploadOptions.defaults()).result().join().inputFile();
        assertThat(files.assemble(up.id())).isEqualTo(content);
    }

    @Test
    void aFloodWaitIsSatOutThenThePartGoesOn() {
        byte[] content = bytes(MIB);
        TELEGRAM.cluster().dc(1).faults().nextCall(m -> m instanceof SaveFilePart p && p.filePart() == 1).failWith(420, "FLOOD_WAIT_1");
        InputFile up = (InputFile) transfers.upload(UploadSource.of(content, "flood"), UploadOptions.defaults()).result().join().inputFile();
        assertThat(files.assemble(up.id())).isEqualTo(content);
    }

    @Test
    void anInterruptedUploadResumesWithItsHandleSendingOnlyTheMissingParts() {
        byte[] content = bytes(20 * MIB + 3);
        TELEGRAM.cluster().dc(1).faults().nextCall(m -> m instanceof SaveBigFilePart p && p.filePart() == 17)
                .failWith(400, "FILE_PART_INVALID");
        UploadTask first = transfers.upload(UploadSource.of(content, "big"), UploadOptions.defaults());
        assertThatThrownBy(() -> first.result().join()).hasCauseInstanceOf(RpcException.class);
        UploadResume handle = first.resumeHandle();
        assertThat(handle.confirmedParts()).doesNotContain(17).contains(0, 1, 2);
        int before = startedPartCalls.get();

        UploadTask second = transfers.upload(UploadSource.of(content, "big"), UploadOptions.builder().resume(handle).build());
        InputFileBig up = (InputFileBig) second.result().join().inputFile();
        assertThat(up.id()).isEqualTo(handle.fileId());
        assertThat(files.assemble(up.id())).isEqualTo(content);
        assertThat(startedPartCalls.get() - before).as("parts sent by the resumed upload")
                .isEqualTo(handle.totalParts() - handle.confirmedParts().size());
    }

    @Test
    void aCancelledUploadFailsWithCancellationAndResumes() {
        byte[] content = bytes(16 * MIB);
        UploadResume handle = CancelledUploads.cancelAfter(transfers, UploadSource.of(content, "cancel"), 4 * MIB);
        InputFileBig up = (InputFileBig) transfers.upload(UploadSource.of(content, "cancel"), UploadOptions.builder().resume(handle).build())
                .result().join().inputFile();
        assertThat(files.assemble(up.id())).isEqualTo(content);
    }

    @Test
    void aPartialFileIsResumedFromItsLengthRoundedDownToThePartSize(@TempDir Path dir) throws Exception {
        byte[] content = bytes(5 * 128 * KIB + 99);
        InputDocumentFileLocation loc = files.put(1, content);
        Path path = dir.resolve("partial");
        Files.write(path, Arrays.copyOf(content, 2 * 128 * KIB + 5000)); // 2 parts and a bit
        DownloadResult r = transfers.download(RemoteFile.of(1, loc, content.length), DownloadTarget.resumePath(path),
                DownloadOptions.builder().partSize(128 * KIB).build()).result().join();
        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(r.bytes()).isEqualTo(content.length - 2 * 128 * KIB);
        assertThat(files.getFileCalls).as("parts 2 to 5 only").hasValue(4);
        assertThat(r.path()).contains(path);
    }

    @Test
    void rangesAreFetchedWithAlignedRequestsAndTrimmed(@TempDir Path dir) throws Exception {
        byte[] content = bytes(MIB + 12345);
        InputDocumentFileLocation loc = files.put(1, content);
        for (long[] range : new long[][] {{100_000, 300_000}, {0, 1}, {64 * KIB, 64 * KIB}, {MIB, -1}, {MIB + 12000, 5000}}) {
            DownloadOptions opts = DownloadOptions.builder().range(range[0], range[1]).partSize(64 * KIB).build();
            byte[] got = transfers.download(RemoteFile.of(1, loc, content.length), DownloadTarget.toBytes(), opts)
                    .result().join().content().orElseThrow();
            int end = range[1] < 0 ? content.length : (int) Math.min(content.length, range[0] + range[1]);
            assertThat(got).as("range %d+%d", range[0], range[1]).isEqualTo(Arrays.copyOfRange(content, (int) range[0], end));
        }
        Path path = dir.resolve("range");
        transfers.download(RemoteFile.of(1, loc, -1), DownloadTarget.toPath(path),
                DownloadOptions.builder().range(5, 70_000).partSize(4 * KIB).build()).result().join();
        assertThat(Files.readAllBytes(path)).as("unknown length").isEqualTo(Arrays.copyOfRange(content, 5, 70_005));
    }

    @Test
    void aFileOfUnknownLengthEndsAtItsFirstShortPart() {
        for (int size : new int[] {3 * 64 * KIB + 5, 4 * 64 * KIB, 10}) {
            byte[] content = bytes(size);
            InputDocumentFileLocation loc = files.put(1, content);
            TransferTask<DownloadResult> task = transfers.download(RemoteFile.of(1, loc, -1), DownloadTarget.toBytes(),
                    DownloadOptions.builder().partSize(64 * KIB).build());
            assertThat(task.result().join().content().orElseThrow()).as("size %d", size).isEqualTo(content);
            assertThat(task.bytesTotal()).isEqualTo(size);
        }
    }

    @Test
    void fileMigrateIsFollowedAndTheHomeDcStays() {
        byte[] content = bytes(MIB + 3);
        InputDocumentFileLocation loc = files.put(2, content);
        byte[] got = transfers.download(RemoteFile.of(1, loc, content.length), DownloadTarget.toBytes(), DownloadOptions.defaults())
                .result().join().content().orElseThrow();
        assertThat(got).isEqualTo(content);
        assertThat(files.downloadDcs).containsExactly(2);
        assertThat(client.homeDc()).isEqualTo(1);
    }

    @Test
    void anExpiredReferenceIsRefreshedOnceAndTheDownloadGoesOn() {
        byte[] content = bytes(2 * MIB);
        InputDocumentFileLocation loc = files.put(1, content);
        files.expireReference(loc.id());
        AtomicInteger refreshes = new AtomicInteger();
        RemoteFile file = new RemoteFile(1, loc, content.length, stale -> {
            refreshes.incrementAndGet();
            return CompletableFuture.completedFuture(files.location(((InputDocumentFileLocation) stale).id()));
        });
        byte[] got = transfers.download(file, DownloadTarget.toBytes(), DownloadOptions.builder().partSize(256 * KIB).build())
                .result().join().content().orElseThrow();
        assertThat(got).isEqualTo(content);
        assertThat(refreshes).as("one refresh for all the parts that saw the stale reference").hasValue(1);

        files.expireReference(loc.id());
        assertThatThrownBy(() -> transfers.download(RemoteFile.of(1, loc, content.length), DownloadTarget.toBytes(),
                DownloadOptions.defaults()).result().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(FileReferenceException.class);
    }

    @Test
    void aCancelledDownloadFailsWithCancellation(@TempDir Path dir) {
        byte[] content = bytes(8 * MIB);
        InputDocumentFileLocation loc = files.put(1, content);
        @SuppressWarnings("unchecked")
        TransferTask<DownloadResult>[] task = new TransferTask[1];
        CompletableFuture<Void> started = new CompletableFuture<>();
        task[0] = transfers.download(RemoteFile.of(1, loc, content.length), DownloadTarget.toPath(dir.resolve("c")),
                DownloadOptions.builder().partSize(64 * KIB).progress((done, total) -> {
                    if (done >= MIB) {
                        started.join();
                        task[0].cancel();
                    }
                }).build());
        started.complete(null);
        assertThatThrownBy(() -> task[0].result().join()).isInstanceOf(CancellationException.class);
        assertThat(task[0].bytesDone()).isLessThan(content.length);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }
}
