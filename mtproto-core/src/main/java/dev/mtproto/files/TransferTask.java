package dev.mtproto.files;

import java.util.concurrent.CompletableFuture;

/**
 * A running upload or download.
 *
 * @param <T> what it gives when done
 */
public interface TransferTask<T> {
    /**
     * @return completes with the result; fails with a {@link FileTransferException} (or the
     *     {@link dev.mtproto.rpc.RpcException} the DC answered, or an {@link java.io.UncheckedIOException} for a
     *     local file) when the transfer cannot go on, and with a {@link TransferCancelledException} (a
     *     {@link java.util.concurrent.CancellationException}) after {@link #cancel()}
     */
    CompletableFuture<T> result();

    /**
     * Stops the transfer: no new part is sent, the parts in flight are abandoned, the connections are free
     * for other transfers, and {@link #result()} fails with a {@link TransferCancelledException}. Does
     * nothing once the transfer is over.
     */
    void cancel();

    /** @return bytes done so far (confirmed by the DC, or written to the target) */
    long bytesDone();

    /** @return the transfer's length in bytes, or -1 while unknown */
    long bytesTotal();
}
