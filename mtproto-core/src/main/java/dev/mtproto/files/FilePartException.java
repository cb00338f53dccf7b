package dev.mtproto.files;

/**
 * A DC's answer broke the part rules of https://core.telegram.org/api/files: a part longer than asked for, a
 * file that ended before its known size, a CDN part or hash range that does not fit the request.
 */
public final class FilePartException extends FileTransferException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param offset the offset of the part in the file
     * @param message what was wrong
     */
    public FilePartException(long offset, String message) {
        super("part at offset " + offset + ": " + message);
        this.offset = offset;
    }

    /** @return the offset of the part in the file */
    public long offset() {
        return offset;
    }
}
