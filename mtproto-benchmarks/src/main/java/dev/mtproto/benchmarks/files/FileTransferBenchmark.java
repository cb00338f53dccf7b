package dev.mtproto.benchmarks.files;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.files.TransferSettings;
import dev.mtproto.files.UploadOptions;
import dev.mtproto.files.UploadSource;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.upload.GetFile;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import dev.mtproto.tl.api.upload.SaveFilePart;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Upload and download of a 64 MiB file by {@link FileTransfers} against the in-process test cluster over
 * loopback TCP (both ends in this JVM: the figures include the DC's decrypting and encrypting of every part).
 * The DC's file methods are scripted to do no more than a file store must: {@code upload.saveFilePart} /
 * {@code saveBigFilePart} count the bytes (and drop them, reading their length through the copy-free view), and
 * {@code upload.getFile} answers a part of a file held in memory, each part's answer built once and kept
 * ({@link FileParts}). One operation moves the whole file; score = seconds per file (MB/s = 67.1 / score).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FileTransferBenchmark {
    private static final int SIZE = 64 * 1024 * 1024;

    /** Parts one transfer keeps in flight. */
    @Param({"4", "8", "16"})
    public int partsInFlight;

    /** Upload (and download) connections per DC. */
    @Param({"1", "2", "4"})
    public int lanes;

    private TestCluster cluster;
    private MtprotoClient client;
    private FileTransfers transfers;
    private byte[] content;
    private RemoteFile remote;
    private final AtomicLong received = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        content = new byte[SIZE];
        new Random(1).nextBytes(content);
        cluster = TestCluster.start(1);
        cluster.handlers().on(SaveFilePart.class, (m, call) -> stored(m.bytesBuffer().remaining()));
        cluster.handlers().on(SaveBigFilePart.class, (m, call) -> stored(m.bytesBuffer().remaining()));
        FileParts parts = new FileParts(content);
        cluster.handlers().on(GetFile.class, (m, call) -> parts.answer(m.offset(), m.limit()));
        client = MtprotoClient.create(cluster.clientConfig().build());
        client.connect().join();
        transfers = FileTransfers.create(client, TransferSettings.builder().partsInFlight(partsInFlight).lanesPerDc(lanes).build());
        remote = RemoteFile.of(1, new InputDocumentFileLocation(1, 1, new byte[0], ""), SIZE);
    }

    private Boolean stored(int bytes) {
        received.addAndGet(bytes);
        return Boolean.TRUE;
    }

    @TearDown(Level.Trial)
    public void stop() {
        transfers.close();
        client.close();
        cluster.close();
    }

    /** @return the uploaded file's size */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long upload() {
        return transfers.upload(UploadSource.of(content, "bench.bin"), UploadOptions.defaults()).result().join().size();
    }

    /** @return the bytes downloaded (written to a stream that drops them) */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long download() {
        return transfers.download(remote, DownloadTarget.toStream(OutputStream.nullOutputStream()), DownloadOptions.defaults())
                .result().join().bytes();
    }
}
