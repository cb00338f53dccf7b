package dev.mtproto.files;

/**
 * Told how far a transfer is. Called from the transfer's threads, in increasing order of bytes done; keep it
 * short (it delays the next part). An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface TransferProgressListener {
    /** Ignores every report. */
    TransferProgressListener NONE = (done, total) -> { };

    /**
     * @param bytesDone bytes confirmed by the DC (upload) or written to the target (download) so far
     * @param bytesTotal the transfer's length, or -1 while unknown
     */
    void onProgress(long bytesDone, long bytesTotal);
}
