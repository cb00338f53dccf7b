package dev.mtproto.files;

/** A running upload: a {@link TransferTask} that can say how to resume it. */
public interface UploadTask extends TransferTask<UploadedFile> {
    /**
     * @return what the DC has confirmed so far: give it to {@link UploadOptions.Builder#resume} to go on with
     *     the same file after an interruption (the DC keeps the parts for a while)
     */
    UploadResume resumeHandle();
}
