package dev.mtproto.files;

import dev.mtproto.client.MtprotoClient;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads and downloads files over a client's dedicated upload and download connections
 * (https://core.telegram.org/api/files): each transfer keeps up to {@link TransferSettings#partsInFlight()} parts
 * in flight, spread over {@link TransferSettings#lanesPerDc()} connections per DC (role
 * {@link dev.mtproto.client.DcRole#UPLOAD} or {@link dev.mtproto.client.DcRole#DOWNLOAD}, each its own MTProto
 * session over the DC's key, opened on first use and closed by the client when idle), retries a failed part
 * without starting over, and reads and writes files on its own threads (never the client's I/O loops).
 * Created once per {@link MtprotoClient}; thread-safe. Closing it cancels the running transfers; the client
 * stays open.
 */
public final class FileTransfers implements AutoCloseable {
    private final MtprotoClient client;
    private final TransferSettings settings;
    private final ExecutorService executor;
    private final PartCaller caller;
    private final SecureRandom random = new SecureRandom();
    private final Set<TransferJob<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FileTransfers(MtprotoClient client, TransferSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Executors.newCachedThreadPool(new Named());
        this.caller = new PartCaller(client, settings, executor);
    }

    /**
     * @param client the client whose connections carry the parts
     * @return transfers with {@link TransferSettings#defaults()}
     */
    public static FileTransfers create(MtprotoClient client) {
        return create(client, TransferSettings.defaults());
    }

    /**
     * @param client the client whose connections carry the parts
     * @param settings how the transfers work
     * @return the transfers
     */
    public static FileTransfers create(MtprotoClient client, TransferSettings settings) {
        return new FileTransfers(client, settings);
    }

    /** @return the settings */
    public TransferSettings settings() {
        return settings;
    }

    /**
     * Starts an upload to the home DC. The returned task's {@link UploadTask#resumeHandle()} says how to go on
     * after an interruption.
     *
     * @param source what to send
     * @param options how
     * @return the running upload
     * @throws IllegalArgumentException if the source is empty (Telegram takes no empty file: a part may not be
     *     empty, {@code FILE_PART_EMPTY}, and a file has at least one part), needs more than
     *     {@link PartRules#MAX_UPLOAD_PARTS} parts, or the resume handle is for another length
     * @throws IllegalStateException if these transfers are closed
     */
    public UploadTask upload(UploadSource source, UploadOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        if (source.size() == 0) {
            throw new IllegalArgumentException("Telegram takes no empty file (" + source.fileName() + " has 0 bytes)");
        }
        checkOpen();
        UploadJob job = new UploadJob(source, options, caller, settings, executor, random.nextLong());
        register(job);
        job.start();
        return job;
    }

    /**
     * Starts a download.
     *
     * @param file what to fetch
     * @param target where to write it
     * @param options how
     * @return the running download
     * @throws IllegalStateException if these transfers are closed
     */
    public TransferTask<DownloadResult> download(RemoteFile file, DownloadTarget target, DownloadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        checkOpen();
        DownloadJob job = new DownloadJob(file, target, options, new DcPartFetcher(caller, file, settings), settings, executor);
        register(job);
        job.start();
        return job;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("these file transfers are closed");
        }
    }

    private void register(TransferJob<?> job) {
        running.add(job);
        job.result().whenComplete((r, e) -> running.remove(job));
        if (closed) {
            job.cancel();
        }
    }

    /** Cancels every running transfer and stops the threads; later calls to {@link #upload} or {@link #download} throw. */
    @Override
    public void close() {
        closed = true;
        for (TransferJob<?> job : running) {
            job.cancel();
        }
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "FileTransfers{" + running.size() + " running, " + settings + "}";
    }

    /** Daemon threads named for what they do. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "mtproto-files-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
