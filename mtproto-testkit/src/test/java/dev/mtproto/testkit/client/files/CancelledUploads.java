package dev.mtproto.testkit.client.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.UploadOptions;
import dev.mtproto.files.UploadResume;
import dev.mtproto.files.UploadSource;
import dev.mtproto.files.UploadTask;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** Starts an upload and cancels it from its own progress callback, for the resume tests. */
public final class CancelledUploads {
    private CancelledUploads() {
    }

    /**
     * @param transfers the engine
     * @param source what to upload
     * @param after the number of confirmed bytes at which the upload is cancelled
     * @return the resume handle of the cancelled upload, checked to hold some parts but not all
     */
    public static UploadResume cancelAfter(FileTransfers transfers, UploadSource source, long after) {
        UploadTask[] task = new UploadTask[1];
        CompletableFuture<Void> started = new CompletableFuture<>();
        task[0] = transfers.upload(source, UploadOptions.builder().progress((done, total) -> {
            if (done >= after) {
                started.join();
                task[0].cancel();
            }
        }).build());
        started.complete(null);
        assertThatThrownBy(() -> task[0].result().join()).isInstanceOf(CancellationException.class);
        UploadResume handle = task[0].resumeHandle();
        assertThat(handle.confirmedParts()).isNotEmpty().hasSizeLessThan(handle.totalParts());
        return handle;
    }
}
