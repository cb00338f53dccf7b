package dev.mtproto.files;

/**
 * The DC refused the file reference ({@code FILE_REFERENCE_EXPIRED} or {@code FILE_REFERENCE_INVALID}) and it
 * could not be refreshed: the file has no {@link FileReferenceRefresher}, the refresher failed, or the fresh
 * reference was refused too.
 */
public final class FileReferenceException extends FileTransferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the DC's error or the refresher's failure
     */
    public FileReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
