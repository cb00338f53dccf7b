package dev.mtproto.files;

import dev.mtproto.client.MtprotoClient;
import java.util.Objects;

/**
 * Uploads and downloads files over a client's dedicated upload and download connections
 * (https://core.telegram.org/api/files). Created once per {@link MtprotoClient}; thread-safe.
 */
public final class FileTransfers implements AutoCloseable {
    private final MtprotoClient client;
    private final TransferSettings settings;

    private FileTransfers(MtprotoClient client, TransferSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
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
     * Starts an upload to the home DC.
     *
     * @param source what to send
     * @param options how
     * @return the running upload
     * @throws IllegalArgumentException if the source is empty (Telegram refuses empty files) or too long, or the
     *     resume handle does not fit it
     * @throws IllegalStateException if these transfers are closed
     */
    public UploadTask upload(UploadSource source, UploadOptions options) {
        throw new UnsupportedOperationException("not yet");
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
        throw new UnsupportedOperationException("not yet");
    }

    /** Cancels every running transfer; later calls to {@link #upload} or {@link #download} throw. */
    @Override
    public void close() {
    }
}
